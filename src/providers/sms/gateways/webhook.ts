import { createHmac } from "node:crypto"
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

/** `sha256=<hex>` over the exact bytes of the body, as the receiver checks it. */
export function signWebhookBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`
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
    const response = await postToGateway({
      gateway: this.name,
      url: options.url!,
      headers: {
        [SIGNATURE_HEADER]: signWebhookBody(rawBody, options.secret!),
        [TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)),
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
