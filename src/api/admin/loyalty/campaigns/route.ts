import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { createCampaignWorkflow } from "../../../../workflows/campaigns"
import { AdminCreateCampaignType, AdminListCampaignsType } from "./validators"
import { campaignView, campaignViews } from "./views"

/** Campaigns or automations (`kind`), newest first, by status; each with its segment's name and messages sent. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListCampaignsType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { kind, status, limit, offset } = req.validatedQuery as AdminListCampaignsType
  const { campaigns, count } = await service.listAndCountCampaignRows({ kind: kind ?? "campaign", status, limit, offset })
  res.json({ campaigns: await campaignViews(req.scope, campaigns), count, limit, offset })
}

/** Creates a campaign (a draft) or an automation (off). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCampaignType>, res: MedusaResponse) => {
  const { result } = await createCampaignWorkflow(req.scope).run({
    input: { ...(req.validatedBody as any), created_by: req.auth_context?.actor_id ?? null },
  })
  res.json({ campaign: await campaignView(req.scope, result) })
}
