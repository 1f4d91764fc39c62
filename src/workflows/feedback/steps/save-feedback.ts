import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { FeedbackOrder } from "./resolve-feedback-order"

export const saveFeedbackStepId = "loyalty-save-feedback"

/**
 * Saves the order's one answer: the first writes it, a later one edits it
 * (rating, comment, time). The undo puts the earlier answer back, or
 * removes the one this run wrote.
 */
export const saveFeedbackStep = createStep(
  saveFeedbackStepId,
  async (input: FeedbackOrder, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const { feedback, before } = await service.saveFeedback({
      order_id: input.order_id,
      customer_id: input.customer_id,
      channel: input.channel,
      location: input.location,
      rating: input.rating,
      comment: input.comment,
    })
    return new StepResponse(feedback, { id: feedback.id as string, before })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.restoreFeedback(undo)
  }
)
