import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { SegmentGroup } from "../../../utils/segment-conditions"
import { SegmentInput } from "./validate-segments"

export const updateSegmentStepId = "loyalty-update-segment"

/**
 * Updates one segment (validated before) and counts it again when its
 * conditions change; the undo writes back the fields it changed.
 */
export const updateSegmentStep = createStep(
  updateSegmentStepId,
  async (input: { id: string; update: SegmentInput & { conditions?: SegmentGroup } }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const before = await service.retrieveSegment(input.id)
    const update: Record<string, unknown> = {}
    for (const key of ["name", "description", "conditions"] as const) {
      if (input.update[key] !== undefined) {
        update[key] = input.update[key]
      }
    }
    if (update.conditions) {
      const at = new Date()
      update.customer_count = await service.countSegment(update.conditions as SegmentGroup, { at })
      update.counted_at = at
    }
    const previous: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(update)) {
      previous[key] = (before as any)[key]
    }
    const segment = await replaceSegment(service, { id: input.id, ...update })
    return new StepResponse(segment, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await replaceSegment(service, previous as { id: string })
  }
)

// Medusa's repository merges an update into a JSON column (a condition left
// out would stay): the conditions are cleared first and written whole.
async function replaceSegment(service: LoyaltyClubModuleService, update: { id: string } & Record<string, unknown>) {
  if ("conditions" in update) {
    await service.updateSegments({ id: update.id, conditions: {} } as any)
  }
  return await service.updateSegments(update as any)
}
