import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendOneTimeCodeWorkflow } from "../../../../workflows"
import { StoreSignUpType } from "./validators"

/**
 * Kiosk sign-up, first half: sends a one-time code to the phone. The answer
 * is the same for members and strangers; too many requests for one phone or
 * from one address in ten minutes are a 429.
 */
export const POST = async (req: MedusaRequest<StoreSignUpType>, res: MedusaResponse) => {
  const { result } = await sendOneTimeCodeWorkflow(req.scope).run({
    input: { phone: req.validatedBody.phone, purpose: "signup", ip: req.ip ?? null },
  })
  if (result.limited) {
    res.status(429).json({ type: "too_many_requests", message: "Too many codes asked for; try again in a few minutes" })
    return
  }
  res.json({ sent: true, expires_at: result.expires_at })
}
