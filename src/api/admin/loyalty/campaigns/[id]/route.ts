import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { campaignNotFound, deleteCampaignWorkflow, updateCampaignWorkflow } from "../../../../../workflows/campaigns"
import { AdminUpdateCampaignType } from "../validators"
import { campaignView } from "../views"

/** One campaign; 404 for an unknown id. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const campaign = await service.retrieveCampaignRow(req.params.id)
  if (!campaign) {
    throw campaignNotFound(req.params.id)
  }
  res.json({ campaign: await campaignView(req.scope, campaign) })
}

/** Edits a draft or scheduled campaign or an automation that is off; `is_active` turns an automation on or off. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCampaignType>, res: MedusaResponse) => {
  const { result } = await updateCampaignWorkflow(req.scope).run({
    input: { ...(req.validatedBody as any), id: req.params.id },
  })
  res.json({ campaign: await campaignView(req.scope, result) })
}

/** Deletes a campaign that sends nothing now. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "campaign", deleted: true })
}
