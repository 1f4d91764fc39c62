import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { RFM_SEGMENT_NAMES } from "../../../../../utils/segments"

/**
 * Customers per RFM segment, every segment listed best first with its
 * Persian and English names (zeros included), then customers without a
 * counted order (`segment: null`, `names: null`); and when the scores were
 * last built (null: never).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const [segments, scored_at] = await Promise.all([service.listSegmentSummary(), service.scoresScoredAt()])
  res.json({
    segments: segments.map(({ segment, customers }) => ({
      segment,
      names: segment ? RFM_SEGMENT_NAMES[segment] : null,
      customers,
    })),
    scored_at,
  })
}
