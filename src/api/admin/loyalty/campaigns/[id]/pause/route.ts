import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pauseCampaignWorkflow } from "../../../../../../workflows/campaigns"
import { campaignView } from "../../views"

/** Pauses a campaign being sent (or an automation): none of its queued messages is sent until resumed. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await pauseCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ campaign: await campaignView(req.scope, result!) })
}
