import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import { referralOr404 } from "../views"

/** One referral with both sides; 404 for an unknown id. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ referral: await referralOr404(req.scope.resolve(LOYALTY_CLUB_MODULE), req.params.id) })
}
