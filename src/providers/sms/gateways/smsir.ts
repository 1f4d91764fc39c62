import { MedusaError } from "@medusajs/framework/utils"
import { formatForGateway } from "../../../utils/phone"
import { isTransientHttpStatus, SmsGatewayError } from "../errors"
import { describeReply, postToGateway } from "../http"
import { namedTemplateParams } from "../template-params"
import {
  GatewayContext,
  SmsGateway,
  SmsSendResult,
  TemplateParams,
} from "../types"

export const SMSIR_BASE_URL = "https://api.sms.ir"

/**
 * sms.ir (API v1): JSON with the key in the `X-API-KEY` header. The reply is
 * `{ status, message, data }`; `status: 1` is success (the reference marks
 * this unverified, so anything else, or a non-2xx, is read as a failure and
 * its `status` reported as the code).
 */
export class SmsIrGateway implements SmsGateway {
  readonly name = "smsir" as const

  constructor(protected readonly context: GatewayContext) {}

  async sendText(to: string, text: string): Promise<SmsSendResult> {
    const data = await this.call("/v1/send/bulk", {
      lineNumber: numericIfSafe(this.context.options.line_number!),
      messageText: text,
      mobiles: [this.mobile(to)],
    })
    // A bulk send answers a pack with one id per mobile; ours has one mobile.
    const id = data?.messageIds?.[0] ?? data?.packId
    return { id: this.requireId(id) }
  }

  async sendTemplate(
    to: string,
    template: string,
    params: TemplateParams
  ): Promise<SmsSendResult> {
    if (!/^\d+$/.test(String(template))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `smsir template (${template}) must be the numeric templateId from the sms.ir panel`
      )
    }
    const data = await this.call("/v1/send/verify", {
      mobile: this.mobile(to),
      templateId: Number(template),
      parameters: namedTemplateParams(this.name, params).map((param) => ({
        name: param.name,
        value: param.value,
      })),
    })
    return { id: this.requireId(data?.messageId) }
  }

  // Unverified: sms.ir's samples show both 0912... and 912...; the local
  // form is the one its panel shows. `number_format` overrides it.
  protected mobile(to: string): string {
    return formatForGateway(
      to,
      this.context.options.number_format ?? "ir_local"
    )
  }

  protected requireId(id: unknown): string {
    if (id === undefined || id === null) {
      throw new SmsGatewayError({
        gateway: this.name,
        code: 1,
        description: "reply has no message id",
        transient: false,
      })
    }
    return String(id)
  }

  protected async call(path: string, json: unknown): Promise<any> {
    const { options } = this.context
    const base = (options.base_url ?? SMSIR_BASE_URL).replace(/\/+$/, "")
    const secrets = [options.api_key]
    const response = await postToGateway({
      gateway: this.name,
      url: `${base}${path}`,
      headers: { "X-API-KEY": options.api_key! },
      json,
      timeoutMs: options.timeout_ms!,
      secrets,
    })

    const status = response.body?.status
    if (response.ok && Number(status) === 1) {
      return response.body.data
    }
    const hasStatus = status !== undefined && status !== null
    throw new SmsGatewayError({
      gateway: this.name,
      code: hasStatus ? status : response.status,
      description: describeReply(
        response.body?.message ?? (response.body ? undefined : response.text),
        secrets
      ),
      // sms.ir's own status codes do not say "try later" in the reference;
      // only the HTTP status does.
      transient: isTransientHttpStatus(response.status),
      http_status: response.status,
    })
  }
}

// sms.ir's samples send lineNumber as a JSON number (e.g. 30007732000000);
// a line too long to be an exact JS number is sent as the string it is.
function numericIfSafe(value: string | number): string | number {
  const asString = String(value)
  return /^\d+$/.test(asString) && Number.isSafeInteger(Number(asString))
    ? Number(asString)
    : asString
}
