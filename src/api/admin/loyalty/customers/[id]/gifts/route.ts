import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { GetGiftsParamsType } from "../../../code-batches/validators"
import { giftViews } from "../../../code-batches/views"

/** The customer's personal codes and occasion credit, newest first, with state and expiry (the customer widget). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, GetGiftsParamsType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const page = await service.listGiftRows(req.params.id, { skip, take }, new Date())
  res.json({ gifts: giftViews(page.gifts), count: page.count, offset: skip, limit: take })
}
