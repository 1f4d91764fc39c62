import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resumeCampaignWorkflow } from "../../../../../../workflows/campaigns"
import { campaignView } from "../../views"

/** Resumes a paused campaign: its queued messages go out, each once. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await resumeCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ campaign: await campaignView(req.scope, result!) })
}
