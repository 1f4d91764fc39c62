import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import {
  AdminApproveReferral,
  AdminGetReferralsParams,
  AdminGetTopReferrersParams,
  AdminRefuseReferral,
  AdminUpdateReferralProgram,
} from "./validators"

// Admin routes are behind Medusa's admin authentication; these check the
// bodies and queries (a malformed one is a 400 with loyalty_invalid_request,
// a bad amount or address one with its field's code).
export const adminReferralRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/referrals/program",
    middlewares: [validateBody(AdminUpdateReferralProgram)],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/referrals",
    middlewares: [validateQuery(AdminGetReferralsParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/referrals/top",
    middlewares: [validateQuery(AdminGetTopReferrersParams, { defaults: ["id"], isList: false })],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/referrals/:id/approve",
    middlewares: [validateBody(AdminApproveReferral)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/referrals/:id/refuse",
    middlewares: [validateBody(AdminRefuseReferral)],
  },
]
