import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { AdminGetTopReferrersParamsType } from "../validators"

/**
 * The referrers who brought the most friends to a qualifying order (then
 * the most friends), with their code, counts and referral credit pending
 * and earned per currency; `from`/`to` (ISO) bound the referrals and credit counted.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetTopReferrersParamsType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { limit, from, to } = req.validatedQuery
  res.json({ referrers: await service.topReferrers({ limit, from: from ?? null, to: to ?? null }) })
}
