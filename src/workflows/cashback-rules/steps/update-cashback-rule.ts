import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { parseRuleNames } from "../../../utils/cashback-rule-validation"

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
    const update = { ...input.update }
    if ("names" in update) {
      update.names = parseRuleNames(update.names) ?? null
    }
    const rule = await replaceRule(service, { id: input.id, ...update })
    return new StepResponse(rule, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await replaceRule(service, previous as { id: string })
  }
)

// The rule's JSON objects the API reads and writes whole.
const WHOLE = ["names", "scope", "multiplier"] as const

// Medusa's repository merges an update into a JSON column (a language or a
// scope list left out would stay); these are replaced as a whole, as the
// workflow validated them.
async function replaceRule(service: LoyaltyClubModuleService, update: { id: string } & Record<string, unknown>) {
  const cleared = WHOLE.filter((key) => key in update)
  if (cleared.length) {
    await service.updateCashbackRules({ id: update.id, ...Object.fromEntries(cleared.map((k) => [k, null])) } as any)
  }
  return await service.updateCashbackRules(update as any)
}
