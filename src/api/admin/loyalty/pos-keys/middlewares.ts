import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validators"
import { AdminCreatePosKey } from "./validators"

export const adminPosKeyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/pos-keys",
    middlewares: [validateBody(AdminCreatePosKey)],
  },
]
