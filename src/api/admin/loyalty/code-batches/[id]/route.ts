import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { codeBatchViews } from "../views"

/** One batch with its progress, statistics and campaign. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const batch = await service.getCodeBatch(req.params.id)
  const [code_batch] = await codeBatchViews(req.scope, [batch])
  res.json({ code_batch })
}
