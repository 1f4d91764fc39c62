import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

export const storeLoyaltyOrderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/orders/:id/cashback",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
