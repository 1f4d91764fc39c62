import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const createTiersStepId = "loyalty-create-tiers"

export const createTiersStep = createStep(
  createTiersStepId,
  async (data: Record<string, unknown>[], { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const tiers = await service.createTiers(
      data.map((t) => ({ ...t, currency_code: String(t.currency_code).toLowerCase() })) as any[]
    )
    return new StepResponse(
      tiers,
      tiers.map((t) => t.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.deleteTiers(ids)
  }
)
