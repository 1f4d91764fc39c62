import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { validateSegmentConditions } from "../../../../../utils/segment-conditions"
import { AdminCountSegmentType } from "../validators"

/** The live count while the admin edits: how many customers the conditions match now. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCountSegmentType>, res: MedusaResponse) => {
  const conditions = validateSegmentConditions(req.validatedBody.conditions)
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  res.json({ count: await service.countSegment(conditions) })
}
