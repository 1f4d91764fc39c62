import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validators"
import { AdminRegisterPurchase } from "./validators"

export const adminPurchaseRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/purchases",
    middlewares: [validateBody(AdminRegisterPurchase)],
  },
]
