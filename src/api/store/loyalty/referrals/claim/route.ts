import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { claimReferralWorkflow } from "../../../../../workflows/referrals"
import { clientAddress } from "../../sign-up/route"
import { StoreClaimReferralType } from "../validators"

/**
 * The logged-in shopper names a friend's code. A refused or held claim is
 * a 200 too (its status and reasons say so); the programme off, an
 * unknown code, a shopper already referred by someone else, or (when the
 * shop asks for it) one without a verified phone are 400s with their code.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreClaimReferralType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { signup_behind_proxy } = await service.retrieveSettings()
  const { result } = await claimReferralWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      code: req.validatedBody.code,
      channel: "online",
      ip: clientAddress(req, signup_behind_proxy),
      device_id: req.validatedBody.device_id ?? null,
    },
  })
  const { referral } = result
  res.json({
    referral: { id: referral.id, status: referral.status, reasons: referral.reasons ?? [], created_at: referral.created_at },
    gift: result.gift,
  })
}
