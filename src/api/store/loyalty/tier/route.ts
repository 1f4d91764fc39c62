import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerTierView } from "../../../utils/tiers"

/** The shopper's tier and how far the next one is. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const view = await customerTierView(req.scope, req.auth_context.actor_id)
  // Shoppers see their tier and progress, not the shop's notes about them.
  delete view.pin_note
  res.json({ customer_tier: view })
}
