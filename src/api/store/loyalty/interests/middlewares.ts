import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validators"
import { StoreInterestsParams } from "./validators"

export const storeInterestRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/interests",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateQuery(StoreInterestsParams, { defaults: [], isList: false }),
    ],
  },
]
