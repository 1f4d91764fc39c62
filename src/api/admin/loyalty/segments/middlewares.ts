import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import {
  AdminCountSegment,
  AdminCreateSegment,
  AdminGetSegmentCustomersParams,
  AdminGetSegmentsParams,
  AdminUpdateSegment,
} from "./validators"

// Admin routes are behind Medusa's admin authentication; these check the
// bodies and queries. A matcher with `:id` also matches `/count`, so the
// update body takes the count body too (both are strict objects whose
// fields the other allows).
export const adminSegmentRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/loyalty/segments",
    middlewares: [validateQuery(AdminGetSegmentsParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/segments",
    middlewares: [validateBody(AdminCreateSegment)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/segments/count",
    middlewares: [validateBody(AdminCountSegment)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/segments/:id",
    middlewares: [validateBody(AdminUpdateSegment)],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/segments/:id/customers",
    middlewares: [validateQuery(AdminGetSegmentCustomersParams, { defaults: ["id"], isList: true })],
  },
]
