import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../../utils/validators"
import { StoreFeedback } from "./validators"

export const storeOrderFeedbackRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/orders/:id/feedback",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["POST"],
    matcher: "/store/loyalty/orders/:id/feedback",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(StoreFeedback)],
  },
]
