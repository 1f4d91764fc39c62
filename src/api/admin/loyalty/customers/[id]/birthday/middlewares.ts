import { MiddlewareRoute } from "@medusajs/framework/http"
import { BirthdayBody } from "../../../../../store/loyalty/birthday/validators"
import { validateBody } from "../../../../../utils/validators"

export const adminCustomerBirthdayRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/customers/:id/birthday",
    middlewares: [validateBody(BirthdayBody)],
  },
]
