import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminBalanceStatement, AdminSetCustomerTier } from "./validators"

export const adminLoyaltyCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/customers/:id/tier",
    middlewares: [validateAndTransformBody(AdminSetCustomerTier)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/customers/:id/balance-statement",
    middlewares: [validateAndTransformBody(AdminBalanceStatement)],
  },
]
