import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const updateTierStepId = "loyalty-update-tier"

/** Updates one tier; the undo writes back the fields it changed. */
export const updateTierStep = createStep(
  updateTierStepId,
  async (input: { id: string; update: Record<string, unknown> }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const before = await service.retrieveTier(input.id)
    const previous: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input.update)) {
      previous[key] = (before as any)[`raw_${key}`] ?? (before as any)[key]
    }
    const update = { ...input.update }
    if (typeof update.currency_code === "string") {
      update.currency_code = update.currency_code.toLowerCase()
    }
    const tier = await replaceTier(service, { id: input.id, ...update })
    return new StepResponse(tier, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await replaceTier(service, previous as { id: string })
  }
)

// Medusa's repository merges an update into a JSON column; the shopper
// names are replaced as a whole, so a language left out is gone.
async function replaceTier(service: LoyaltyClubModuleService, update: { id: string } & Record<string, unknown>) {
  if ("names" in update) {
    await service.updateTiers({ id: update.id, names: null } as any)
  }
  return await service.updateTiers(update as any)
}
