import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AdminPreviewCampaignType } from "../validators"
import { campaignPreview } from "../views"

/** The audience, SMS parts and cost of a campaign before it is saved or sent (see `campaignPreview`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewCampaignType>, res: MedusaResponse) => {
  res.json(await campaignPreview(req.scope, req.validatedBody as any))
}
