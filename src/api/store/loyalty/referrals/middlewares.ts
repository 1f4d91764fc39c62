import { MiddlewareRoute } from "@medusajs/framework/http"

// Filled in by the referrals routes (store).
export const storeReferralRoutesMiddlewares: MiddlewareRoute[] = []
