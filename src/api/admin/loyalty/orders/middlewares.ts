import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminRefundOrderToWallet } from "./validators"

export const adminLoyaltyOrderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/orders/:id/refund-to-wallet",
    middlewares: [validateAndTransformBody(AdminRefundOrderToWallet)],
  },
]
