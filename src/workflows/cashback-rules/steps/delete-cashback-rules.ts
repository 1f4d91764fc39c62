import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const deleteCashbackRulesStepId = "loyalty-delete-cashback-rules"

/** Soft-deletes rules (awards keep pointing at them); the undo restores. */
export const deleteCashbackRulesStep = createStep(
  deleteCashbackRulesStepId,
  async (ids: string[], { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.softDeleteCashbackRules(ids)
    return new StepResponse(void 0, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.restoreCashbackRules(ids)
  }
)
