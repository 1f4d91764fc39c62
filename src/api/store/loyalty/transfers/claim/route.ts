import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { claimCreditTransferWorkflow } from "../../../../../workflows/transfers"
import { shopperTransferViews } from "../../../../admin/loyalty/transfers/views"
import { clubCard } from "../../../../utils/club-card"
import { shopperLanguage } from "../../../../utils/locale"
import { StoreClaimTransferType } from "../validators"

/**
 * Claims credit sent to a phone, with the claim link's `token` and the
 * one-time code texted to that phone (`POST .../claim/code`): the phone's
 * member (made now for a new phone) gets the credit. A logged-in member
 * whose phone the club already proved may leave out the code. Answers the
 * transfer and the member's club card.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreClaimTransferType>, res: MedusaResponse) => {
  const { result } = await claimCreditTransferWorkflow(req.scope).run({
    input: {
      token: req.validatedBody.token,
      code: req.validatedBody.code ?? null,
      customer_id: req.auth_context?.actor_id || null,
    },
  })
  const customerId = result.transfer.recipient_customer_id!
  const language = await shopperLanguage(req.scope, (req as { locale?: string }).locale, customerId)
  const [transfer] = await shopperTransferViews(req.scope, [result.transfer], customerId)
  res.json({ transfer, club_card: await clubCard(req.scope, customerId, { language }) })
}
