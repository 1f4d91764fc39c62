import { MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { registerPosPurchaseWorkflow } from "../../../../workflows"
import { ruleOnAnswer, rulesById } from "../../../utils/cashback-rules"
import { shopperLanguage } from "../../../utils/locale"
import { PosRequest } from "../../../utils/pos-auth"
import { answeringConflicts, tillMemberCard } from "../../../utils/pos"
import { PosRegisterPurchaseType } from "../validators"
import { assertReferralCode, referralCore } from "../../../admin/loyalty/referrals/views"

/**
 * Registers an in-store purchase and awards its cashback (201); the same
 * receipt at this till's location again answers the first registration
 * (200); the same receipt with another phone or amount is a 409 naming it.
 * Each cashback names its rule in the member's language (the till's
 * `x-medusa-locale`, else the one they chose for SMS, else the shop's);
 * `note` is the ledger's own (English) note. A `referral_code` no member has
 * is a 400 before anything is registered; a known one is claimed for the
 * member (channel till) before a new receipt's order is made, so the
 * purchase can qualify it; a refused claim does not fail the purchase
 * (`referral_error` says why).
 */
export const POST = async (req: PosRequest, res: MedusaResponse) => {
  const body = req.validatedBody as PosRegisterPurchaseType
  if (body.referral_code) {
    await assertReferralCode(req.scope, body.referral_code)
  }
  const run = await answeringConflicts(res, () =>
    registerPosPurchaseWorkflow(req.scope).run({
      input: { ...body, pos_key_id: req.pos_key!.id, location: req.pos_key!.location, source: "pos" },
    })
  )
  if (!run) {
    return
  }
  const { result } = run
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const cashback = await service.listOrderCashback(result.order_id)
  const [rules, language] = await Promise.all([
    rulesById(req.scope, cashback.map((c) => c.rule_id)),
    shopperLanguage(req.scope, req.get("x-medusa-locale"), result.customer_id),
  ])
  res.status(result.created ? 201 : 200).json({
    purchase: {
      receipt_id: result.receipt_id,
      order_id: result.order_id,
      customer_id: result.customer_id,
      new_member: result.member_created,
    },
    cashback: cashback.map((c) => ({
      amount: c.amount,
      available_at: c.available_at,
      expires_at: c.expires_at,
      rule: ruleOnAnswer(c, rules, language),
      note: c.note,
    })),
    member: await tillMemberCard(req.scope, result.customer_id, language),
    referral: referralCore(result.referral),
    referral_error: result.referral_error ?? null,
  })
}
