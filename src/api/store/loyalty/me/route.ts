import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clubCard } from "../../../utils/club-card"
import { shopperLanguage } from "../../../utils/locale"

/**
 * The shopper's own club card; the tier is named in the request's language
 * (`?locale=` or `x-medusa-locale`, else the shop's default language).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const language = await shopperLanguage(req.scope, (req as { locale?: string }).locale)
  res.json({ club_card: await clubCard(req.scope, req.auth_context.actor_id, { language }) })
}
