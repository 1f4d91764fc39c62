import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import {
  AdminCreateTier,
  AdminEvaluateTiers,
  AdminUpdateTier,
} from "./validators"

export const adminTierRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/tiers",
    middlewares: [validateAndTransformBody(AdminCreateTier)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/tiers/evaluate",
    middlewares: [validateAndTransformBody(AdminEvaluateTiers)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/tiers/:id",
    middlewares: [validateAndTransformBody(AdminUpdateTier)],
  },
]
