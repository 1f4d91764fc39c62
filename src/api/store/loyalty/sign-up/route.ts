import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { sendOneTimeCodeWorkflow } from "../../../../workflows"
import { StoreSignUpType } from "./validators"

/**
 * The address a sign-up request came from. Medusa sets Express's `trust
 * proxy` to one hop, so `req.ip` is the last X-Forwarded-For entry, which a
 * client talking to the store directly writes itself. Unless the shop says
 * a proxy sits in front (`signup_behind_proxy`), the connection's own
 * address counts, and no header can change it.
 */
export function clientAddress(req: MedusaRequest, behindProxy: boolean): string | null {
  return (behindProxy ? req.ip : req.socket?.remoteAddress) ?? null
}

/**
 * Kiosk sign-up, first half: sends a one-time code to the phone. The answer
 * is the same for members and strangers; too many requests for one phone or
 * from one address in ten minutes, or more sign-up codes in an hour than the
 * shop allows, are a 429. A mobile from a country the club does not serve is
 * a 400 naming `phone`.
 */
export const POST = async (req: MedusaRequest<StoreSignUpType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { signup_behind_proxy } = await service.retrieveSettings()
  const { result } = await sendOneTimeCodeWorkflow(req.scope).run({
    input: { phone: req.validatedBody.phone, purpose: "signup", ip: clientAddress(req, signup_behind_proxy) },
  })
  if (result.limited) {
    res.status(429).json({ type: "too_many_requests", message: "Too many codes asked for; try again in a few minutes" })
    return
  }
  res.json({ sent: true, expires_at: result.expires_at })
}
