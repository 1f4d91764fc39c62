import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { programTerms } from "../../../../admin/loyalty/referrals/views"

/**
 * The shopper's referral code (made on the first visit, then never
 * changed), share link, the programme's terms, their figures (invited,
 * joined, ordered, rewarded; credit pending and earned) and who referred them.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const customerId = req.auth_context.actor_id
  const [program, { code }, stats, referredBy] = await Promise.all([
    service.getReferralProgram(),
    service.retrieveOrCreateReferralCode(customerId),
    service.referralStatsOf(customerId),
    service.referredBy(customerId),
  ])
  res.json({
    enabled: program.enabled,
    code,
    link: await service.referralShareLink(code, program),
    program: programTerms(program),
    stats,
    referred_by: referredBy ? { code: referredBy.code, status: referredBy.status } : null,
  })
}
