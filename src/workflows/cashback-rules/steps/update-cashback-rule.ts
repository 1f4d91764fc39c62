import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const updateCashbackRuleStepId = "loyalty-update-cashback-rule"

/** Updates one rule; the undo writes back the fields it changed. */
export const updateCashbackRuleStep = createStep(
  updateCashbackRuleStepId,
  async (
    input: { id: string; update: Record<string, unknown> },
    { container }
  ) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const before = await service.retrieveCashbackRule(input.id)
    const previous: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input.update)) {
      previous[key] = (before as any)[`raw_${key}`] ?? (before as any)[key]
    }
    const rule = await service.updateCashbackRules({ id: input.id, ...input.update } as any)
    return new StepResponse(rule, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.updateCashbackRules(previous as any)
  }
)
