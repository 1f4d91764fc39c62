import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { GetGiftsParamsType } from "../../../admin/loyalty/code-batches/validators"
import { giftViews } from "../../../admin/loyalty/code-batches/views"

/**
 * The shopper's own discount codes and gifts, newest first: personal codes
 * (with the occasion that gave them, what they give, state and end) and
 * the wallet credit occasions gave them.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, GetGiftsParamsType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const page = await service.listGiftRows(req.auth_context.actor_id, { skip, take }, new Date())
  res.json({ gifts: giftViews(page.gifts), count: page.count, offset: skip, limit: take })
}
