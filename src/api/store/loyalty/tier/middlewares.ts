import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

export const storeTierRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/tier",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
