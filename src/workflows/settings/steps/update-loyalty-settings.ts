import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { LoyaltySettingsValues } from "../../../modules/loyalty-club/types"

export const updateLoyaltySettingsStepId = "loyalty-update-settings"

/** Saves the shop's loyalty settings; the undo writes back the previous ones. */
export const updateLoyaltySettingsStep = createStep(
  updateLoyaltySettingsStepId,
  async (input: Partial<LoyaltySettingsValues>, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const previous = await service.retrieveSettings()
    const settings = await service.updateSettings(input)
    return new StepResponse(settings, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.updateSettings(previous)
  }
)
