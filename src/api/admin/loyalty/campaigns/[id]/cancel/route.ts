import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelCampaignWorkflow } from "../../../../../../workflows/campaigns"
import { campaignView } from "../../views"

/** Cancels a campaign: what was not sent is withdrawn (`withdrawn`: how many). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await cancelCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ campaign: await campaignView(req.scope, result.campaign!), withdrawn: result.withdrawn })
}
