import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { toReferralView } from "../../../modules/loyalty-club/services/referrals"
import { queueMessagesStep } from "../../messages/steps"
import { payReferralRewardStep, ReviewReferralInput, reviewReferralStep } from "../steps"

export const reviewReferralWorkflowId = "loyalty-review-referral"

/**
 * The shop approves or refuses a held referral. Refused: `shop_refused`.
 * Approved at the claim: the friend joins with their gift and welcome SMS.
 * Approved at the order: rewarded as a qualifying order is (the referrer's
 * credit pending until the order's hold ends, or spendable at once after
 * it). 404 for an unknown referral, 400 for one not held.
 *
 * @example
 * const { result } = await reviewReferralWorkflow(container).run({
 *   input: { referral_id: "lref_123", action: "approve", actor_id: "user_123" },
 * })
 */
export const reviewReferralWorkflow = createWorkflow(reviewReferralWorkflowId, (input: ReviewReferralInput) => {
  const reviewed = reviewReferralStep(input)
  const paid = payReferralRewardStep(transform({ reviewed }, ({ reviewed }) => ({ plan: reviewed.plan })))
  queueMessagesStep(
    transform({ reviewed, input }, ({ reviewed, input }) => ({
      event: "referral_welcome" as const,
      items: reviewed.welcome,
      at: input.at,
      gift: reviewed.gift_variant,
    }))
  ).config({ name: "queue-referral-welcome" })
  queueMessagesStep(
    transform({ paid, input }, ({ paid, input }) => ({ event: "referral_pending" as const, items: paid.pending, at: input.at }))
  ).config({ name: "queue-referral-pending" })
  queueMessagesStep(
    transform({ paid, input }, ({ paid, input }) => ({ event: "referral_rewarded" as const, items: paid.rewarded, at: input.at }))
  ).config({ name: "queue-referral-rewarded" })
  const result = transform({ reviewed, paid }, ({ reviewed, paid }) => ({
    referral: toReferralView(paid.referral ?? reviewed.referral),
  }))
  return new WorkflowResponse(result)
})
