import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { AdminGetCustomerTransfersParamsType } from "../../../transfers/validators"
import { adminTransferViews } from "../../../transfers/views"

/** The customer's transfers, newest first: sent, received, and waiting at their proven phone. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerTransfersParamsType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { skip = 0, take = 50 } = req.queryConfig.pagination
  const page = await service.listCreditTransferRows(
    { customer_id: req.params.id, status: req.validatedQuery.status ?? null },
    { skip, take }
  )
  res.json({ transfers: await adminTransferViews(req.scope, page.transfers), count: page.count, offset: skip, limit: take })
}
