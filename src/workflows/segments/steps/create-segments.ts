import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { SegmentGroup } from "../../../utils/segment-conditions"
import { SegmentInput } from "./validate-segments"

export const createSegmentsStepId = "loyalty-create-segments"

/**
 * Creates segments (validated before) with their count as of now, so the
 * list shows how many each holds without evaluating them all; the undo
 * deletes them.
 */
export const createSegmentsStep = createStep(
  createSegmentsStepId,
  async (data: (SegmentInput & { conditions: SegmentGroup })[], { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const at = new Date()
    const rows: Record<string, unknown>[] = []
    for (const segment of data) {
      rows.push({
        name: segment.name,
        description: segment.description ?? null,
        conditions: segment.conditions,
        created_by: segment.created_by ?? null,
        customer_count: await service.countSegment(segment.conditions, { at }),
        counted_at: at,
      })
    }
    const segments = await service.createSegments(rows as any[])
    return new StepResponse(segments, segments.map((s) => s.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.deleteSegments(ids)
  }
)
