import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopperLanguage } from "../../../utils/locale"
import { customerTierView } from "../../../utils/tiers"

/**
 * The shopper's tier and how far the next one is, the tiers named in the
 * request's language (`?locale=` or `x-medusa-locale`, else the shop's
 * default language).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const language = await shopperLanguage(req.scope, (req as { locale?: string }).locale)
  const view = await customerTierView(req.scope, req.auth_context.actor_id, { language })
  // Shoppers see their tier and progress, not the shop's notes about them.
  delete view.pin_note
  res.json({ customer_tier: view })
}
