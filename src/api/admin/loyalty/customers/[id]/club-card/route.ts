import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clubCard } from "../../../../../utils/club-card"

/** The customer's club card: purchases, spend, cashback, balances, tier, last visit, channels. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ club_card: await clubCard(req.scope, req.params.id) })
}
