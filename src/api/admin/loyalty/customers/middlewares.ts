import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validators"
import { AdminBalanceStatement, AdminSetCustomerTier } from "./validators"

export const adminLoyaltyCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/customers/:id/tier",
    middlewares: [validateBody(AdminSetCustomerTier)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/customers/:id/balance-statement",
    middlewares: [validateBody(AdminBalanceStatement)],
  },
]
