import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import { reviewReferralWorkflow } from "../../../../../../workflows/referrals"
import { referralOr404 } from "../../views"

/**
 * Approves a held referral: held at the claim, the friend joins (their
 * gift and welcome SMS); held at the order, the rewards are paid. Only a
 * held one (else 400 loyalty_referral_not_held).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await reviewReferralWorkflow(req.scope).run({
    input: { referral_id: req.params.id, action: "approve", actor_id: req.auth_context.actor_id },
  })
  res.json({ referral: await referralOr404(req.scope.resolve(LOYALTY_CLUB_MODULE), req.params.id) })
}
