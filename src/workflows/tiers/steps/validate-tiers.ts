import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { validateTiers } from "../../../utils/tiers"
import { loadTiers } from "../tier-stats"

export const validateTiersStepId = "loyalty-validate-tiers"

/**
 * Checks tiers being created or updated together with the shop's other
 * tiers (ranks, currency, thresholds in order). A validation step: nothing
 * to undo.
 */
export const validateTiersStep = createStep(
  validateTiersStepId,
  async (
    input: { create?: Record<string, any>[]; update?: { id: string; update: Record<string, any> } },
    { container }
  ) => {
    const existing = await loadTiers(container)
    const merged: Record<string, any>[] = existing.map((t) =>
      input.update && t.id === input.update.id ? { ...t, ...input.update.update } : t
    )
    for (const [i, t] of (input.create ?? []).entries()) {
      merged.push({ qualification_window: "lifetime", ...t, id: `new_${i}` })
    }
    validateTiers(merged as any)
    return new StepResponse(void 0)
  }
)
