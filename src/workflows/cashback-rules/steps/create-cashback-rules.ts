import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { parseRuleNames } from "../../../utils/cashback-rule-validation"

export const createCashbackRulesStepId = "loyalty-create-cashback-rules"

/** Creates rules (validated before); the shopper names are stored trimmed, none as null. */
export const createCashbackRulesStep = createStep(
  createCashbackRulesStepId,
  async (data: Record<string, unknown>[], { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const rules = await service.createCashbackRules(
      data.map((rule) => ({ ...rule, names: parseRuleNames(rule.names) ?? null })) as any[]
    )
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
