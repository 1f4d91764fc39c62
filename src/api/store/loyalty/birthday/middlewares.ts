import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validators"
import { BirthdayBody } from "./validators"

export const storeBirthdayRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET", "POST", "DELETE"],
    matcher: "/store/loyalty/birthday",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["POST"],
    matcher: "/store/loyalty/birthday",
    middlewares: [validateBody(BirthdayBody)],
  },
]
