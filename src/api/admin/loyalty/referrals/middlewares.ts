import { MiddlewareRoute } from "@medusajs/framework/http"

// Filled in by the referrals routes (admin).
export const adminReferralRoutesMiddlewares: MiddlewareRoute[] = []
