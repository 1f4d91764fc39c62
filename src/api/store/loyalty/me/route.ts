import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clubCard } from "../../../utils/club-card"

/** The shopper's own club card. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ club_card: await clubCard(req.scope, req.auth_context.actor_id) })
}
