import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { StoreApplyCartCredit } from "./validators"

export const storeCartCreditRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST", "DELETE"],
    matcher: "/store/carts/:id/loyalty-credit",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/loyalty-credit",
    middlewares: [validateAndTransformBody(StoreApplyCartCredit)],
  },
]
