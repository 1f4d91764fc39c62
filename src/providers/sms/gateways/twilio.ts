import { formatForGateway } from "../../../utils/phone"
import { isTransientHttpStatus, SmsGatewayError } from "../errors"
import { describeReply, postToGateway } from "../http"
import { GatewayContext, SmsGateway, SmsSendResult } from "../types"

export const TWILIO_BASE_URL = "https://api.twilio.com"

const FAILED_STATUSES = new Set(["failed", "undelivered", "canceled"])

/**
 * Twilio Programmable Messaging: form-encoded, HTTP Basic auth with the
 * account SID and auth token. Failures are a 4xx/5xx with `{ code, message }`.
 * Twilio has no approved-template send in this API, so the provider always
 * sends the text.
 */
export class TwilioGateway implements SmsGateway {
  readonly name = "twilio" as const

  constructor(protected readonly context: GatewayContext) {}

  async sendText(to: string, text: string): Promise<SmsSendResult> {
    const { options } = this.context
    const base = (options.base_url ?? TWILIO_BASE_URL).replace(/\/+$/, "")
    const secrets = [options.auth_token]
    const credentials = Buffer.from(
      `${options.account_sid}:${options.auth_token}`
    ).toString("base64")

    const response = await postToGateway({
      gateway: this.name,
      url: `${base}/2010-04-01/Accounts/${encodeURIComponent(options.account_sid!)}/Messages.json`,
      headers: { Authorization: `Basic ${credentials}` },
      form: {
        To: formatForGateway(to, options.number_format ?? "e164"),
        From: options.from,
        MessagingServiceSid: options.messaging_service_sid,
        Body: text,
        StatusCallback: options.status_callback,
      },
      timeoutMs: options.timeout_ms!,
      secrets: [...secrets, credentials],
    })

    const body = response.body
    if (response.ok && body?.sid && !FAILED_STATUSES.has(body.status)) {
      return { id: String(body.sid) }
    }
    throw new SmsGatewayError({
      gateway: this.name,
      code: response.ok
        ? (body?.error_code ?? body?.status ?? response.status)
        : (body?.code ?? response.status),
      description: describeReply(
        response.ok
          ? (body?.error_message ??
              (body?.sid
                ? `message ${body.status}`
                : "reply has no message sid"))
          : (body?.message ?? (body ? undefined : response.text)),
        [...secrets, credentials]
      ),
      transient: isTransientHttpStatus(response.status),
      http_status: response.status,
    })
  }
}
