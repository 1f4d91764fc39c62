import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { loyaltyError, LoyaltyErrorCode } from "../../../../../../utils/error-codes"

/**
 * A customer's scores (the customer widget): R, F, M, L, the segment and
 * the one before it with their names, channel mix and interests; `score`
 * is null before the customer's first scoring; 404 for an unknown customer.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: req.params.id } })
  if (!data.length) {
    throw loyaltyError(
      MedusaError.Types.NOT_FOUND,
      `customer_id: Customer with id: ${req.params.id} was not found`,
      LoyaltyErrorCode.CUSTOMER_NOT_FOUND
    )
  }
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  res.json({ score: await service.retrieveCustomerScoreView(req.params.id) })
}
