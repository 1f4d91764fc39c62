import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"

/**
 * The signed-in shopper's purchase interests for personalised storefront
 * offers: up to three categories, the one they spend most on first, as of
 * the last nightly scoring (empty before it). Never their scores or their
 * segment: those are the shop's view of them.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  res.json({ interests: await service.customerInterests(req.auth_context.actor_id) })
}
