import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminSetCustomerTier } from "./validators"

export const adminLoyaltyCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/customers/:id/tier",
    middlewares: [validateAndTransformBody(AdminSetCustomerTier)],
  },
]
