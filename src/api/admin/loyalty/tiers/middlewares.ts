import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validators"
import {
  AdminCreateTier,
  AdminEvaluateTiers,
  AdminUpdateTier,
} from "./validators"

export const adminTierRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/tiers",
    middlewares: [validateBody(AdminCreateTier)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/tiers/evaluate",
    middlewares: [validateBody(AdminEvaluateTiers)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/tiers/:id",
    middlewares: [validateBody(AdminUpdateTier)],
  },
]
