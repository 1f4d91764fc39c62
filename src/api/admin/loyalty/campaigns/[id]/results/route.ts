import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { campaignNotFound } from "../../../../../../workflows/campaigns"
import { campaignResults } from "../../views"

/** A campaign's results against its holdout (see `campaignResults`); 404 for an unknown id. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const campaign = await service.retrieveCampaignRow(req.params.id)
  if (!campaign) {
    throw campaignNotFound(req.params.id)
  }
  res.json(await campaignResults(req.scope, campaign))
}
