import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { CampaignRow } from "../../../modules/loyalty-club/services/campaigns"

export const finishCampaignQueuingStepId = "loyalty-finish-campaign-queuing"

/**
 * Counts the recipients onto the campaign (messaged, holdout, skipped) and
 * moves it from `queuing` to `sending`. The last step: nothing after it to
 * undo it for.
 */
export const finishCampaignQueuingStep = createStep(
  finishCampaignQueuingStepId,
  async (input: { campaign: CampaignRow | null }, { container }) => {
    if (!input.campaign) {
      return new StepResponse(null)
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    return new StepResponse(await service.finishCampaignQueuing(input.campaign.id))
  }
)
