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

export const GHASEDAK_BASE_URL = "https://gw.ghasedak.me/Rest/api/v1/WebService"

/**
 * Ghasedak (gateway API v1): JSON with the key in the `ApiKey` header. The
 * reply is `{ isSuccess, statusCode, message, data }`; a send failed when
 * `isSuccess` is false or `data` is null, whatever the HTTP status.
 * `clientReferenceId` carries this notification's id, the same on every
 * attempt, so a send can be traced in Ghasedak's panel.
 */
export class GhasedakGateway implements SmsGateway {
  readonly name = "ghasedak" as const

  constructor(protected readonly context: GatewayContext) {}

  // Unverified: `sendDate` is required by the reference but its meaning for
  // "send now" is not stated; the current instant in ISO 8601 (UTC) is sent.
  async sendText(to: string, text: string): Promise<SmsSendResult> {
    const data = await this.call("/SendSingleSMS", {
      sendDate: new Date().toISOString(),
      lineNumber: String(this.context.options.line_number),
      receptor: this.mobile(to),
      message: text,
      clientReferenceId: this.context.reference,
    })
    return { id: String(data.messageId ?? this.context.reference) }
  }

  async sendTemplate(
    to: string,
    template: string,
    params: TemplateParams
  ): Promise<SmsSendResult> {
    const data = await this.call("/SendOtpSMS", {
      sendDate: new Date().toISOString(),
      receptors: [
        { mobile: this.mobile(to), clientReferenceId: this.context.reference },
      ],
      templateName: template,
      inputs: namedTemplateParams(this.name, params).map((param) => ({
        param: param.name,
        value: param.value,
      })),
    })
    // Unverified: the shape of an OTP reply's data is not in the reference;
    // the message id is looked for where Ghasedak's SDKs read it.
    const id =
      data.messageId ??
      data.items?.[0]?.messageId ??
      data.receptors?.[0]?.messageId ??
      this.context.reference
    return { id: String(id) }
  }

  protected mobile(to: string): string {
    return formatForGateway(
      to,
      this.context.options.number_format ?? "ir_local"
    )
  }

  protected async call(path: string, json: unknown): Promise<any> {
    const { options } = this.context
    const base = (options.base_url ?? GHASEDAK_BASE_URL).replace(/\/+$/, "")
    const secrets = [options.api_key]
    const response = await postToGateway({
      gateway: this.name,
      url: `${base}${path}`,
      headers: { ApiKey: options.api_key! },
      json,
      timeoutMs: options.timeout_ms!,
      secrets,
    })

    const body = response.body
    if (response.ok && body?.isSuccess === true && body.data != null) {
      return body.data
    }
    const statusCode = Number(body?.statusCode)
    const hasStatusCode = Number.isInteger(statusCode)
    throw new SmsGatewayError({
      gateway: this.name,
      code: hasStatusCode ? statusCode : response.status,
      description: describeReply(
        body?.message || (body ? "reply has no data" : response.text),
        secrets
      ),
      // Unverified: Ghasedak's statusCode appears to follow HTTP's meaning,
      // so a 429 or 5xx in the body is treated like one on the wire.
      transient:
        isTransientHttpStatus(response.status) ||
        (hasStatusCode && isTransientHttpStatus(statusCode)),
      http_status: response.status,
    })
  }
}
