import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import { StoreClaimReferral, StoreGetReferralsParams } from "./validators"

// The shopper's own code, friends and claim need a login; looking a code up
// (a share link opened) does not. All store routes need the publishable key.
export const storeReferralRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/referrals/me",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/loyalty/referrals",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateQuery(StoreGetReferralsParams, { defaults: ["id"], isList: true }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/loyalty/referrals/claim",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(StoreClaimReferral)],
  },
]
