import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

export const storeClubCardRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/me",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
