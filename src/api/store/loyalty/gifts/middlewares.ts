import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validators"
import { GetGiftsParams } from "../../../admin/loyalty/code-batches/validators"

export const storeGiftRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/gifts",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateQuery(GetGiftsParams, { defaults: ["id"], isList: true }),
    ],
  },
]
