import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readTwilioPush, safeEqual, twilioSignature } from "../../../../../providers/sms/inbound/push"
import { inboundOptions, publicUrl, record, signatureInvalid } from "../inbound"

/**
 * Twilio's webhook for inbound messages and StatusCallback reports (form
 * body). The `X-Twilio-Signature` must be Twilio's signature of the public
 * URL it called and the parameters, made with the account's auth token;
 * anything else is a 403 and changes nothing. The answer is an empty TwiML
 * document: no reply is texted back.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const options = inboundOptions(req)
  const params = (req.body ?? {}) as Record<string, unknown>
  const url = `${publicUrl(req, options)}${req.originalUrl}`
  const expected = options.auth_token ? twilioSignature(String(options.auth_token), url, params) : null
  if (options.gateway !== "twilio" || !safeEqual(req.headers["x-twilio-signature"], expected)) {
    throw signatureInvalid()
  }
  await record(req, readTwilioPush(params))
  res.setHeader("Content-Type", "text/xml")
  res.status(200).send(`<?xml version="1.0" encoding="UTF-8"?><Response/>`)
}
