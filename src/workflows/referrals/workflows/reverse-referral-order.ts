import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { toReferralView } from "../../../modules/loyalty-club/services/referrals"
import { ReverseReferralOrderInput, reverseReferralOrderStep } from "../steps"

export const reverseReferralOrderWorkflowId = "loyalty-reverse-referral-order"

/**
 * A friend's qualifying order canceled or returned within the hold: the
 * referral becomes `reversed` and the referrer's and the friend's credits
 * are taken back by the shop's clawback strategy (and a held percentage of
 * a later order, for that order). After the hold, nothing. Safe to repeat.
 *
 * @example
 * await reverseReferralOrderWorkflow(container).run({ input: { order_id: "order_123", reason: "returned" } })
 */
export const reverseReferralOrderWorkflow = createWorkflow(
  reverseReferralOrderWorkflowId,
  (input: ReverseReferralOrderInput) => {
    const reversal = reverseReferralOrderStep(input)
    const result = transform({ reversal }, ({ reversal }) => ({
      referral: reversal.referral ? toReferralView(reversal.referral) : null,
      reversed: reversal.reversed,
      take_backs: reversal.take_backs,
    }))
    return new WorkflowResponse(result)
  }
)
