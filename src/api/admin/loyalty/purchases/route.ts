import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generateEntityId } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { registerPosPurchaseWorkflow } from "../../../../workflows"
import { ruleOnAnswer, rulesById } from "../../../utils/cashback-rules"
import { clubCard } from "../../../utils/club-card"
import { answeringConflicts } from "../../../utils/pos"
import { assertReferralCode, referralCore } from "../referrals/views"
import { AdminRegisterPurchaseType } from "./validators"

/**
 * Staff register an in-store purchase by phone and amount (shops without a
 * till): cashback credited, SMS queued, the customer's club card returned.
 * An `Idempotency-Key` header makes a retried request register once. A
 * `referral_code` is checked first (unknown: 400), then claimed for the
 * member (channel till) before the purchase counts; a refused claim does
 * not fail the purchase (`referral_error` says why).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRegisterPurchaseType>,
  res: MedusaResponse
) => {
  if (req.validatedBody.referral_code) {
    await assertReferralCode(req.scope, req.validatedBody.referral_code)
  }
  const header = req.get("idempotency-key")?.trim()
  const receiptId = header ? `admin:${header.slice(0, 200)}` : generateEntityId(undefined, "admin")
  const run = await answeringConflicts(res, () =>
    registerPosPurchaseWorkflow(req.scope).run({
      input: { ...req.validatedBody, receipt_id: receiptId, location: "Admin", source: "admin" },
    })
  )
  if (!run) {
    return
  }
  const { result } = run
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const cashback = await service.listOrderCashback(result.order_id)
  const rules = await rulesById(req.scope, cashback.map((c) => c.rule_id))
  res.status(result.created ? 201 : 200).json({
    purchase: {
      receipt_id: result.receipt_id,
      order_id: result.order_id,
      customer_id: result.customer_id,
      new_member: result.member_created,
    },
    // Staff read the rule by the shop's name, with the names shoppers read beside it.
    cashback: cashback.map((c) => ({
      amount: c.amount,
      available_at: c.available_at,
      note: c.note,
      rule: ruleOnAnswer(c, rules),
    })),
    club_card: await clubCard(req.scope, result.customer_id),
    referral: referralCore(result.referral),
    referral_error: result.referral_error ?? null,
  })
}
