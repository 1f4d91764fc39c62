import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { LoyaltyErrorCode, loyaltyError } from "../../../utils/error-codes"

export const checkSegmentsUnusedStepId = "loyalty-check-segments-unused"
export const deleteSegmentsStepId = "loyalty-delete-segments"

/**
 * Refuses to delete a segment a campaign, an automation, a cashback rule or
 * a code batch still uses: they would silently reach no one (or everyone).
 * A validation step: nothing to undo.
 */
export const checkSegmentsUnusedStep = createStep(
  checkSegmentsUnusedStepId,
  async (ids: string[], { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    for (const id of ids) {
      const usage = await service.segmentUsage(id)
      if (usage.campaigns || usage.rules || usage.batches) {
        throw loyaltyError(
          MedusaError.Types.NOT_ALLOWED,
          `Segment (${id}) is in use: ${usage.campaigns} campaigns, ${usage.rules} cashback rules, ${usage.batches} code batches`,
          LoyaltyErrorCode.SEGMENT_IN_USE
        )
      }
    }
    return new StepResponse(void 0)
  }
)

/** Soft-deletes segments; the undo restores them. */
export const deleteSegmentsStep = createStep(
  deleteSegmentsStepId,
  async (ids: string[], { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.softDeleteSegments(ids)
    return new StepResponse(void 0, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.restoreSegments(ids)
  }
)
