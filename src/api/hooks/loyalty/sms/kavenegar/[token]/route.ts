import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readKavenegarPush, safeEqual } from "../../../../../../providers/sms/inbound/push"
import { inboundOptions, record, signatureInvalid } from "../../inbound"

/**
 * Kavenegar's forward URL for replies and delivery reports. Kavenegar signs
 * nothing: the secret is the address itself, `.../kavenegar/<inbound_token>`
 * (the SMS provider's `inbound_token` option), compared in constant time. A
 * wrong or unset token is a 403 and changes nothing.
 */
async function receive(req: MedusaRequest, res: MedusaResponse) {
  const options = inboundOptions(req)
  if (options.gateway !== "kavenegar" || !safeEqual(req.params.token, options.inbound_token)) {
    throw signatureInvalid()
  }
  const fields = { ...(req.query as Record<string, unknown>), ...((req.body ?? {}) as Record<string, unknown>) }
  await record(req, readKavenegarPush(fields))
  res.status(200).json({ received: true })
}

export const GET = receive
export const POST = receive
