import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminRegisterPurchase } from "./validators"

export const adminPurchaseRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/purchases",
    middlewares: [validateAndTransformBody(AdminRegisterPurchase)],
  },
]
