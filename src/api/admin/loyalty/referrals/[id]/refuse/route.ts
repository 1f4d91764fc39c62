import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import { reviewReferralWorkflow } from "../../../../../../workflows/referrals"
import { AdminRefuseReferralType } from "../../validators"
import { referralOr404 } from "../../views"

/** Refuses a held referral (`shop_refused` among its reasons; `reason` goes to the log). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRefuseReferralType>, res: MedusaResponse) => {
  await reviewReferralWorkflow(req.scope).run({
    input: {
      referral_id: req.params.id,
      action: "refuse",
      actor_id: req.auth_context.actor_id,
      reason: req.validatedBody.reason ?? undefined,
    },
  })
  res.json({ referral: await referralOr404(req.scope.resolve(LOYALTY_CLUB_MODULE), req.params.id) })
}
