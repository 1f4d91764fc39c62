import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { loyaltyError, LoyaltyErrorCode } from "../../../../../../utils/error-codes"

/**
 * A customer's referrals (the customer widget): their code (made now if
 * they had none) and share link, who referred them, the last 50 friends
 * they referred and their figures; 404 for an unknown customer.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: req.params.id } })
  if (!data.length) {
    throw loyaltyError(
      MedusaError.Types.NOT_FOUND,
      `customer_id: Customer with id: ${req.params.id} was not found`,
      LoyaltyErrorCode.CUSTOMER_NOT_FOUND
    )
  }
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const customerId = req.params.id
  const [program, { code }, referred_by, page, stats] = await Promise.all([
    service.getReferralProgram(),
    service.retrieveOrCreateReferralCode(customerId),
    service.referredBy(customerId),
    service.listReferralViews({ referrer_id: customerId, limit: 50, offset: 0 }),
    service.referralStatsOf(customerId),
  ])
  res.json({ code, link: await service.referralShareLink(code, program), referred_by, referrals: page.referrals, stats })
}
