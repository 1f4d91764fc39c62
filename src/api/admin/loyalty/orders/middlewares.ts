import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validators"
import { AdminRefundOrderToWallet } from "./validators"

export const adminLoyaltyOrderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/orders/:id/refund-to-wallet",
    middlewares: [validateBody(AdminRefundOrderToWallet)],
  },
]
