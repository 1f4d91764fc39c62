import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { RFM_SEGMENT_NAMES, RFM_SEGMENTS } from "../../../../../utils/segments"

/**
 * What the segment editor offers to pick from: tiers, customer groups, till
 * locations, product categories, the named RFM segments (with their
 * Persian and English names) and currencies.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const options = await service.segmentOptions()
  res.json({
    tiers: options.tiers,
    customer_groups: options.customer_groups,
    locations: options.locations,
    categories: options.categories,
    rfm_segments: RFM_SEGMENTS.map((key) => ({ key, names: RFM_SEGMENT_NAMES[key] })),
    currencies: options.currencies,
  })
}
