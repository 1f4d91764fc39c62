import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readWebhookPush, WebhookInbound } from "../../../../../providers/sms/inbound/push"
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from "../../../../../providers/sms"
import { inboundOptions, record, signatureInvalid } from "../inbound"
import { InboundWebhookBody } from "./validators"

/**
 * Replies and delivery reports from a store's own gateway (the `webhook`
 * gateway), signed as our outbound calls are: `X-Loyalty-Signature` over
 * `<X-Loyalty-Timestamp>.<raw body>` with the gateway's secret, the
 * timestamp within five minutes. A bad signature is a 403 before the body
 * is even read; a signed body of the wrong shape is a 400.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const options = inboundOptions(req)
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const rawBody = Buffer.isBuffer(raw) ? raw.toString("utf8") : typeof raw === "string" ? raw : ""
  const signed =
    options.gateway === "webhook" &&
    !!options.secret &&
    verifyWebhookSignature({
      rawBody,
      secret: String(options.secret),
      signature: req.headers[SIGNATURE_HEADER.toLowerCase()],
      timestamp: req.headers[TIMESTAMP_HEADER.toLowerCase()],
    })
  if (!signed) {
    throw signatureInvalid()
  }
  const body = InboundWebhookBody.parse(req.body) as WebhookInbound
  const result = await record(req, readWebhookPush(body))
  res.status(200).json({ received: true, duplicate: result ? result.recorded === 0 : true })
}
