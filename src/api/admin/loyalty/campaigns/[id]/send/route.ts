import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  checkSchedule,
  queueCampaignWorkflow,
  scheduleCampaignWorkflow,
} from "../../../../../../workflows/campaigns"
import { AdminSendCampaignType } from "../../validators"
import { campaignView } from "../../views"

/**
 * Sends a draft (or a scheduled campaign) now, or at `scheduled_at` (the
 * minute's job queues it then). Now: the recipients and their messages are
 * queued before the answer (status `sending`); a second call, or one
 * racing it, gets a 400 naming the status it found.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSendCampaignType>, res: MedusaResponse) => {
  const body = req.validatedBody as AdminSendCampaignType
  const id = req.params.id
  const scheduled = body.scheduled_at ? checkSchedule(body.scheduled_at) : null
  if (scheduled && scheduled.getTime() > Date.now()) {
    const { result } = await scheduleCampaignWorkflow(req.scope).run({ input: { id, scheduled_at: scheduled } })
    return res.json({ campaign: await campaignView(req.scope, result!) })
  }
  const { result } = await queueCampaignWorkflow(req.scope).run({ input: { id } })
  res.json({ campaign: await campaignView(req.scope, result.campaign!) })
}
