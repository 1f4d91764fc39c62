import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const expireDueLotsStepId = "loyalty-expire-due-lots"

/**
 * Expires every due lot with set-based statements (one per batch). It has no
 * undo: each batch commits on its own and a crash halfway leaves the rest for
 * the next run, which skips what is already expired.
 */
export const expireDueLotsStep = createStep(
  expireDueLotsStepId,
  async (input: { at?: Date; batch_size?: number }, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    return new StepResponse(await service.expireDueLots(input))
  }
)
