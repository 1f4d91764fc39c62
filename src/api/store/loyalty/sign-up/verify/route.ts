import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signUpMemberWorkflow } from "../../../../../workflows"
import { assertReferralCode, softClaim, SoftClaim } from "../../../../admin/loyalty/referrals/views"
import { setBirthdayWorkflow } from "../../../../../workflows/occasions"
import { clubCard } from "../../../../utils/club-card"
import { shopperLanguage } from "../../../../utils/locale"
import { StoreSignUpVerifyType } from "../validators"

/**
 * Sign-up, second half: the code from the SMS proves the phone, and makes
 * its owner a club member: the phone's member when it has one, else the
 * logged-in shopper, else a new customer. The sign-up bonus and the welcome
 * SMS go to a new member. A `birthday` given with it is saved as the
 * member's (checked before the code is used: a bad date is a 400 with
 * `loyalty_birthday_invalid`). A `referral_code` is looked up first too (no
 * member has it: a 400 with `loyalty_referral_code_unknown`), then claimed
 * for the member at the kiosk; a refused or failed claim does not undo the
 * sign-up: `referral_error` says why. Answers the member's club card and
 * the referral.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSignUpVerifyType>, res: MedusaResponse) => {
  const { birthday, referral_code, ...body } = req.validatedBody
  if (referral_code) {
    await assertReferralCode(req.scope, referral_code)
  }
  const { result } = await signUpMemberWorkflow(req.scope).run({
    input: { ...body, customer_id: req.auth_context?.actor_id || null },
  })
  if (birthday) {
    await setBirthdayWorkflow(req.scope).run({
      input: {
        ...birthday,
        customer_id: result.member.customer_id,
        set_by: req.auth_context?.actor_id ? "customer" : "kiosk",
      },
    })
  }
  const claim: SoftClaim = referral_code
    ? await softClaim(req.scope, { customer_id: result.member.customer_id, code: referral_code, channel: "kiosk" })
    : { referral: null, referral_error: null }
  const language = await shopperLanguage(req.scope, (req as { locale?: string }).locale)
  res.json({ club_card: await clubCard(req.scope, result.member.customer_id, { language }), ...claim })
}
