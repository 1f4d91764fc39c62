import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { sendTransferClaimCodeWorkflow } from "../../../../../../workflows/transfers"
import { clientAddress } from "../../../sign-up/route"
import { StoreClaimCodeType } from "../../validators"

/**
 * Texts the one-time code a claim needs to the phone the credit was sent
 * to (the link names it; the answer shows it masked). The sign-up's limits
 * apply: too many codes for the phone, from the address or shop-wide is a
 * 429 and sends nothing.
 */
export const POST = async (req: MedusaRequest<StoreClaimCodeType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { signup_behind_proxy } = await service.retrieveSettings()
  const { result } = await sendTransferClaimCodeWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, ip: clientAddress(req, signup_behind_proxy) },
  })
  if (result.limited) {
    res.status(429).json({ type: "too_many_requests", message: "Too many codes asked for; try again in a few minutes" })
    return
  }
  const phone = result.transfer.recipient_phone
  res.json({ sent: true, expires_at: result.expires_at, phone: `${phone.slice(0, -7)}***${phone.slice(-4)}` })
}
