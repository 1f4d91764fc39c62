import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validators"
import { AdminUpdateOccasion } from "./validators"

export const adminOccasionRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/occasions/:kind",
    middlewares: [validateBody(AdminUpdateOccasion)],
  },
]
