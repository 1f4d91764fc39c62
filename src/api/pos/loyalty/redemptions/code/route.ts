import { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findMemberByPhone, sendOneTimeCodeWorkflow } from "../../../../../workflows"
import { PosRequest } from "../../../../utils/pos-auth"

/** Sends the member the one-time code a redemption needs (when the shop asks for one). */
export const POST = async (req: PosRequest, res: MedusaResponse) => {
  const phone = (req.validatedBody as any).phone as string
  const { e164, customer } = await findMemberByPhone(req.scope, phone)
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No club member has the phone ${e164}`)
  }
  const { result } = await sendOneTimeCodeWorkflow(req.scope).run({
    input: { phone: e164, purpose: "redeem", ip: null },
  })
  if (result.limited) {
    res.status(429).json({ type: "too_many_requests", message: "Too many codes asked for; try again in a few minutes" })
    return
  }
  res.json({ sent: true, expires_at: result.expires_at })
}
