import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyFeedbackEvents } from "../events"
import {
  giftFeedbackApologyStep,
  notifyLowFeedbackStep,
  resolveFeedbackOrderStep,
  saveFeedbackStep,
} from "../steps"

export type SubmitFeedbackInput = {
  order_id: string
  /** The shopper answering: only their own order (404 otherwise). Left out by the receipt page, whose token names the order. */
  customer_id?: string | null
  rating: unknown
  comment?: unknown
}

export const submitFeedbackWorkflowId = "loyalty-submit-feedback"

/**
 * Records a shopper's answer about an order: rating 1-5 and an optional
 * comment (400 naming the field otherwise), one per order, a second answer
 * editing the first. A low one (at or below `feedback_low_rating`) gets
 * the shop's apology credit in the order's currency once per order and one
 * notice in the admin's notification feed; a rating raised later keeps the
 * gift, one lowered later notifies then. Emits `loyalty.feedback.answered`.
 *
 * @example
 * await submitFeedbackWorkflow(container).run({
 *   input: { order_id: "order_123", customer_id: "cus_123", rating: 2, comment: "Long queue" },
 * })
 */
export const submitFeedbackWorkflow = createWorkflow(
  submitFeedbackWorkflowId,
  (input: SubmitFeedbackInput) => {
    const order = resolveFeedbackOrderStep(input)
    const feedback = saveFeedbackStep(order)
    const gift = giftFeedbackApologyStep(order)
    notifyLowFeedbackStep(
      transform({ order, gift }, ({ order, gift }) => ({ ...order, gift_amount: gift.amount }))
    )
    emitEventStep({
      eventName: LoyaltyFeedbackEvents.ANSWERED,
      data: transform({ feedback }, ({ feedback }) => ({
        id: feedback.id,
        order_id: feedback.order_id,
        customer_id: feedback.customer_id,
        rating: feedback.rating,
      })),
    })
    return new WorkflowResponse(feedback)
  }
)
