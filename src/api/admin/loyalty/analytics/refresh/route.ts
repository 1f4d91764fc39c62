import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { refreshAnalyticsWorkflow } from "../../../../../workflows/analytics"

/**
 * Rebuilds the rollups now (the nightly job's work) in the shop's time zone
 * and answers how fresh they are. A rebuild already running is waited for
 * (one at a time, under the database's advisory lock).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  await refreshAnalyticsWorkflow(req.scope).run({ input: {} })
  res.json({ freshness: await service.analyticsFreshness() })
}
