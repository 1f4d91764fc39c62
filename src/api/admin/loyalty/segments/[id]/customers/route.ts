import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { fetchSegment } from "../../helpers"
import { AdminGetSegmentCustomersParamsType } from "../../validators"

/** The customers the segment holds now, by customer id, with their scores. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSegmentCustomersParamsType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const segment = await fetchSegment(req.scope, req.params.id)
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const page = await service.listSegmentCustomers(segment.conditions, { limit: take, offset: skip })
  res.json({ customers: page.customers, count: page.count, offset: skip, limit: take })
}
