import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { queueMessagesWorkflow } from "../../../../../../workflows"
import { AdminBalanceStatementType } from "../../validators"
import { LoyaltyErrorCode } from "../../../../../../utils/error-codes"

/**
 * Queues a balance statement SMS (one per customer, wallet and day: a
 * second request the same day answers the one already queued).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminBalanceStatementType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: req.params.id } })
  if (!customers.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${req.params.id} was not found`, LoyaltyErrorCode.CUSTOMER_NOT_FOUND)
  }
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const wallets = await service.listWallets({
    customer_id: req.params.id,
    ...(req.validatedBody.currency_code ? { currency_code: req.validatedBody.currency_code } : {}),
  })
  if (!wallets.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Customer ${req.params.id} has no wallet${req.validatedBody.currency_code ? ` in ${req.validatedBody.currency_code.toUpperCase()}` : ""}`,
      LoyaltyErrorCode.CUSTOMER_HAS_NO_WALLET
    )
  }
  const settings = await service.retrieveSettings()
  if (settings.sms_events?.balance_statement === false) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "balance_statement messages are turned off in the SMS settings (sms_events)",
      LoyaltyErrorCode.BALANCE_STATEMENT_OFF
    )
  }
  const wallet = wallets[0]
  const { result } = await queueMessagesWorkflow(req.scope).run({
    input: {
      event: "balance_statement",
      items: [{ customer_id: req.params.id, subject: wallet.id, currency_code: wallet.currency_code }],
    },
  })
  const messages = await service.listMessages(
    { customer_id: req.params.id, event: "balance_statement" },
    { order: { created_at: "DESC" }, take: 1 }
  )
  res.status(result.queued.length ? 201 : 200).json({ queued: result.queued.length > 0, message: messages[0] ?? null })
}
