import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { AdminGetFeedbackParamsType } from "./validators"

/**
 * Shoppers' answers, newest first: filters `rating` (e.g. `1,2`), `channel`
 * (`online`, `till`), `location` (a till's), `from`/`to` (answered at);
 * `limit` (at most 200) and `offset`. Each with the order's number, the
 * customer and the apology gift, if any.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetFeedbackParamsType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const q = req.validatedQuery as AdminGetFeedbackParamsType
  const { rows, count } = await service.listFeedbackRows(
    { rating: q.rating, channel: q.channel, location: q.location, from: q.from, to: q.to },
    { skip: q.offset, take: q.limit }
  )
  res.json({ feedback: rows, count, limit: q.limit, offset: q.offset })
}
