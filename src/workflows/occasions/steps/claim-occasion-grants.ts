import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { OccasionGrantRow, OccasionRow } from "../../../modules/loyalty-club/services/occasions"

export const claimOccasionGrantsStepId = "loyalty-claim-occasion-grants"

/** A grant claimed this long ago and not finished was left by a run that died. */
export const OCCASION_CLAIM_STALE_MS = 10 * 60 * 1000

/**
 * Claims a page of an occasion's grants to give (pending ones, and ones a
 * dead run left half given), none while the occasion is off. No undo: a
 * claim left behind is taken again once stale, and the gift's and the
 * message's keys make the second attempt finish, not repeat, the first.
 */
export const claimOccasionGrantsStep = createStep(
  claimOccasionGrantsStepId,
  async (input: { occasion: OccasionRow; limit?: number }, { container }) => {
    if (!input.occasion.enabled) {
      return new StepResponse({ grants: [] as OccasionGrantRow[], more: false })
    }
    // A greeting alone costs one message; a gift a workflow or a ledger write.
    const limit = input.limit ?? (input.occasion.gift_type === "none" ? 5000 : 500)
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const grants = await service.claimOccasionGrants({
      kind: input.occasion.kind,
      limit,
      stale_before: new Date(Date.now() - OCCASION_CLAIM_STALE_MS),
    })
    return new StepResponse({ grants, more: grants.length >= limit })
  }
)
