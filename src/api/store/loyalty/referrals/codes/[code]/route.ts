import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { invalidField } from "../../../../../../utils/error-codes"

/**
 * Whether a code (as typed or from a share link) can be named now, and the
 * friend's side of the programme; never whose code it is. No login needed:
 * a storefront asks before the visitor signs up.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const typed = req.params.code
  if (typed.length > 32) {
    throw invalidField("code", `code must be at most 32 characters, got ${typed.length}`)
  }
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const [program, found] = await Promise.all([service.getReferralProgram(), service.findReferralCode(typed)])
  res.json({
    valid: !!found && program.enabled,
    friend_gift_type: program.friend_gift_type,
    friend_credit: program.friend_credit ?? null,
    min_order_amount: program.min_order_amount ?? null,
  })
}
