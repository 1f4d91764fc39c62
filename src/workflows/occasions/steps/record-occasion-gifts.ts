import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { OccasionGiftRecord } from "../../../modules/loyalty-club/services/occasions"

export const recordOccasionGiftsStepId = "loyalty-record-occasion-gifts"

/**
 * Marks grants given (with their code or credit) or failed, once their
 * message is queued. The last step: nothing after it to undo it for.
 */
export const recordOccasionGiftsStep = createStep(
  recordOccasionGiftsStepId,
  async (input: { records: OccasionGiftRecord[] }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.recordOccasionGifts(input.records)
    return new StepResponse(input.records.length)
  }
)
