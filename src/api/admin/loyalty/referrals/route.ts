import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { AdminGetReferralsParamsType } from "./validators"

/**
 * Referrals, newest first, with both sides named: `status`, `referrer_id`,
 * and `q` in the code, either side's name, e-mail or phone; `counts` has
 * every status's total (the page's tabs).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetReferralsParamsType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const { status, q, referrer_id } = req.validatedQuery
  const [page, counts] = await Promise.all([
    service.listReferralViews({ status, q, referrer_id, limit: take, offset: skip }),
    service.referralStatusCounts(),
  ])
  res.json({ referrals: page.referrals, count: page.count, offset: skip, limit: take, counts })
}
