import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { shopperReferralItem } from "../../../admin/loyalty/referrals/views"
import { StoreGetReferralsParamsType } from "./validators"

/**
 * The friends the shopper referred, newest first: status, the friend's
 * first name and masked phone (nothing else of theirs), the reward and
 * when it becomes spendable. Only the shopper's own, as referrer.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetReferralsParamsType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const page = await service.listReferralViews({ referrer_id: req.auth_context.actor_id, limit: take, offset: skip })
  res.json({ referrals: page.referrals.map(shopperReferralItem), count: page.count, offset: skip, limit: take })
}
