import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const createCashbackRulesStepId = "loyalty-create-cashback-rules"

export const createCashbackRulesStep = createStep(
  createCashbackRulesStepId,
  async (data: Record<string, unknown>[], { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const rules = await service.createCashbackRules(data as any[])
    return new StepResponse(
      rules,
      rules.map((r) => r.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.deleteCashbackRules(ids)
  }
)
