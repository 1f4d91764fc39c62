import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminCreatePosKey } from "./validators"

export const adminPosKeyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/pos-keys",
    middlewares: [validateAndTransformBody(AdminCreatePosKey)],
  },
]
