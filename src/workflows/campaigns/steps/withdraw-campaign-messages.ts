import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const withdrawCampaignMessagesStepId = "loyalty-withdraw-campaign-messages"

/**
 * Withdraws a canceled campaign's messages not sent yet. The last step of
 * a cancel: nothing after it to undo it for (and a canceled campaign's
 * messages are never claimed either way).
 */
export const withdrawCampaignMessagesStep = createStep(
  withdrawCampaignMessagesStepId,
  async (input: { campaign_id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    return new StepResponse(await service.withdrawCampaignMessages(input.campaign_id))
  }
)
