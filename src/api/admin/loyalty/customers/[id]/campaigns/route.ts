import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { loyaltyError, LoyaltyErrorCode } from "../../../../../../utils/error-codes"

/**
 * The last 50 campaigns and automations a customer entered (the customer
 * widget): when, in the holdout or not, their message's status and
 * delivery, and their gift; 404 for an unknown customer.
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
  const rows = await service.listCustomerCampaigns(req.params.id, 50)
  res.json({
    campaigns: rows.map((r: any) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      entered_at: r.entered_at,
      holdout: r.holdout,
      message: r.message_status
        ? { status: r.message_status, sent_at: r.sent_at, delivery_status: r.delivery_status }
        : null,
      gift: r.gift
        ? r.gift.code
          ? { code: r.gift.code }
          : { amount: r.gift.amount, currency_code: r.gift.currency_code }
        : null,
    })),
  })
}
