import { createHmac, timingSafeEqual } from "node:crypto"
import { formatForGateway } from "../../../utils/phone"
import { isTransientHttpStatus, SmsGatewayError } from "../errors"
import { describeReply, postToGateway } from "../http"
import {
  GatewayContext,
  SmsGateway,
  SmsSendResult,
  TemplateParams,
} from "../types"

export const SIGNATURE_HEADER = "X-Loyalty-Signature"
export const TIMESTAMP_HEADER = "X-Loyalty-Timestamp"

/**
 * How far, in seconds, a request's timestamp may be from the receiver's
 * clock. The signature covers the timestamp, so a captured request cannot be
 * given a fresh one; a receiver that refuses timestamps outside this window,
 * and drops an `id` it has seen within it, cannot be replayed. Each attempt
 * is signed with its own timestamp, so a retry is never refused for age.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 300

/**
 * `sha256=<hex>`: HMAC-SHA256 with the secret over `<timestamp>.<body>`, the
 * timestamp being the `X-Loyalty-Timestamp` header (Unix seconds) and the
 * body the exact bytes received.
 */
export function signWebhookBody(
  rawBody: string,
  secret: string,
  timestamp: number | string
): string {
  return `sha256=${createHmac("sha256", String(secret))
    .update(`${timestamp}.${rawBody}`)
    .digest("hex")}`
}

/**
 * What a receiver written in Node checks: the signature matches the body
 * and timestamp as received, and the timestamp is within `toleranceSeconds`
 * of `now` (Unix seconds). A receiver should also drop an `id` it has
 * already handled.
 */
export function verifyWebhookSignature(input: {
  rawBody: string
  secret: string
  signature: string | string[] | undefined
  timestamp: string | string[] | undefined
  toleranceSeconds?: number
  now?: number
}): boolean {
  const { signature, timestamp } = input
  if (typeof signature !== "string" || typeof timestamp !== "string") {
    return false
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return false
  }
  const now = input.now ?? Math.floor(Date.now() / 1000)
  const tolerance = input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS
  if (Math.abs(now - Number(timestamp)) > tolerance) {
    return false
  }
  const expected = Buffer.from(
    signWebhookBody(input.rawBody, input.secret, timestamp)
  )
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Hands the message to the store's own service (an SMS gateway we do not
 * speak, a queue, a test double). `id` is the same on every attempt so the
 * receiver can drop a repeat after a timeout.
 */
export class WebhookGateway implements SmsGateway {
  readonly name = "webhook" as const

  constructor(protected readonly context: GatewayContext) {}

  async sendText(to: string, text: string): Promise<SmsSendResult> {
    return await this.post(to, text, null, null)
  }

  async sendTemplate(
    to: string,
    template: string,
    params: TemplateParams,
    text?: string
  ): Promise<SmsSendResult> {
    return await this.post(to, text ?? null, template, params ?? null)
  }

  protected async post(
    to: string,
    text: string | null,
    template: string | null,
    params: TemplateParams | null
  ): Promise<SmsSendResult> {
    const { options, reference } = this.context
    const rawBody = JSON.stringify({
      to: formatForGateway(to, options.number_format ?? "e164"),
      text,
      template,
      params,
      id: reference,
    })
    const secrets = [options.secret]
    const timestamp = Math.floor(Date.now() / 1000)
    const response = await postToGateway({
      gateway: this.name,
      url: options.url!,
      headers: {
        [SIGNATURE_HEADER]: signWebhookBody(
          rawBody,
          options.secret!,
          timestamp
        ),
        [TIMESTAMP_HEADER]: String(timestamp),
      },
      json: rawBody,
      timeoutMs: options.timeout_ms!,
      secrets,
    })

    if (response.ok) {
      const id = response.body?.id
      const hasId =
        typeof id === "string" ? id.length > 0 : typeof id === "number"
      return { id: hasId ? String(id) : reference }
    }
    throw new SmsGatewayError({
      gateway: this.name,
      code: response.status,
      description: describeReply(
        response.body?.message ??
          response.body?.error ??
          (response.body ? undefined : response.text),
        secrets
      ),
      transient: isTransientHttpStatus(response.status),
      http_status: response.status,
    })
  }
}
