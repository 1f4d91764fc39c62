import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { toReferralView } from "../../../modules/loyalty-club/services/referrals"
import { queueMessagesStep } from "../../messages/steps"
import { payReferralRewardStep, QualifyReferralOrderInput, qualifyReferralOrderStep } from "../steps"

export const qualifyReferralOrderWorkflowId = "loyalty-qualify-referral-order"

/**
 * A referred friend's order (`order.placed`, a till purchase): below the
 * minimum it marks the referral `ordered`; the first qualifying one refuses
 * it (the referrer's address), holds it (paid mostly with credit) or
 * rewards it: the referrer's credit pending until the hold ends (SMS
 * `referral_pending`), the friend's credit gift at once. A later order may
 * earn the referrer a percentage. A repeated event pays once.
 *
 * @example
 * const { result } = await qualifyReferralOrderWorkflow(container).run({ input: { order_id: "order_123" } })
 * // result.outcome: "reward", result.referral.status: "pending"
 */
export const qualifyReferralOrderWorkflow = createWorkflow(
  qualifyReferralOrderWorkflowId,
  (input: QualifyReferralOrderInput) => {
    const qualified = qualifyReferralOrderStep(input)
    const paid = payReferralRewardStep(transform({ qualified }, ({ qualified }) => ({ plan: qualified.plan })))
    queueMessagesStep(
      transform({ paid, input }, ({ paid, input }) => ({ event: "referral_pending" as const, items: paid.pending, at: input.at }))
    ).config({ name: "queue-referral-pending" })
    queueMessagesStep(
      transform({ paid, input }, ({ paid, input }) => ({ event: "referral_rewarded" as const, items: paid.rewarded, at: input.at }))
    ).config({ name: "queue-referral-rewarded" })
    const result = transform({ qualified, paid }, ({ qualified, paid }) => {
      const referral = paid.referral ?? qualified.referral
      return { outcome: qualified.outcome, referral: referral ? toReferralView(referral) : null }
    })
    return new WorkflowResponse(result)
  }
)
