import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const deleteTiersStepId = "loyalty-delete-tiers"

/**
 * Soft-deletes tiers (history keeps pointing at them) and returns their
 * members, who are placed again by the next step; the undo restores.
 */
export const deleteTiersStep = createStep(
  deleteTiersStepId,
  async (ids: string[], { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const members = await service.listCustomerTiers(
      { tier_id: ids },
      { select: ["customer_id"] }
    )
    await service.softDeleteTiers(ids)
    return new StepResponse(
      { member_ids: members.map((m) => m.customer_id) },
      ids
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.restoreTiers(ids)
  }
)
