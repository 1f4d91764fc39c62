import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import {
  AdminCampaignAction,
  AdminCreateCampaign,
  AdminCustomerCampaignsParams,
  AdminListCampaigns,
  AdminPreviewCampaign,
  AdminSendCampaign,
  AdminUpdateCampaign,
} from "./validators"

// Admin routes are behind Medusa's admin authentication; these check the
// bodies and queries. A matcher with `:id` also matches `/preview`, so the
// update body takes the preview body too (every preview field is one the
// update allows, with the same checks).
export const adminCampaignRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/loyalty/campaigns",
    middlewares: [validateQuery(AdminListCampaigns, { defaults: [], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/campaigns",
    middlewares: [validateBody(AdminCreateCampaign)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/campaigns/preview",
    middlewares: [validateBody(AdminPreviewCampaign)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/campaigns/:id/send",
    middlewares: [validateBody(AdminSendCampaign)],
  },
  ...["pause", "resume", "cancel"].map((action) => ({
    method: ["POST" as const],
    matcher: `/admin/loyalty/campaigns/:id/${action}`,
    middlewares: [validateBody(AdminCampaignAction)],
  })),
  {
    method: ["POST"],
    matcher: "/admin/loyalty/campaigns/:id",
    middlewares: [validateBody(AdminUpdateCampaign)],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/customers/:id/campaigns",
    middlewares: [validateQuery(AdminCustomerCampaignsParams, { defaults: [], isList: false })],
  },
]
