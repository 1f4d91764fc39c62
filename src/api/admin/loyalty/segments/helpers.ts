import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { LoyaltyErrorCode, loyaltyError } from "../../../../utils/error-codes"
import { SegmentGroup } from "../../../../utils/segment-conditions"

/** What the admin reads of a saved segment. */
export const SEGMENT_FIELDS = [
  "id",
  "name",
  "description",
  "conditions",
  "customer_count",
  "counted_at",
  "created_by",
  "created_at",
  "updated_at",
]

export type SegmentView = {
  id: string
  name: string
  description: string | null
  conditions: SegmentGroup
  customer_count: number | null
  counted_at: Date | null
  created_by: string | null
  created_at: Date
  updated_at: Date
}

/** A saved segment that is not deleted, or a 404 `loyalty_segment_not_found`. */
export async function fetchSegment(scope: MedusaContainer, id: string): Promise<SegmentView> {
  const service: LoyaltyClubModuleService = scope.resolve(LOYALTY_CLUB_MODULE)
  const [segment] = await service.listSegments({ id }, { select: SEGMENT_FIELDS, take: 1 })
  if (!segment) {
    throw loyaltyError(MedusaError.Types.NOT_FOUND, `Segment with id: ${id} was not found`, LoyaltyErrorCode.SEGMENT_NOT_FOUND)
  }
  return segment as unknown as SegmentView
}
