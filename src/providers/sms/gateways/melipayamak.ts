import { MedusaError } from "@medusajs/framework/utils"
import { formatForGateway } from "../../../utils/phone"
import { isTransientHttpStatus, SmsGatewayError } from "../errors"
import { describeReply, GatewayResponse, postToGateway } from "../http"
import { listTemplateParams } from "../template-params"
import {
  GatewayContext,
  SmsGateway,
  SmsSendResult,
  TemplateParams,
} from "../types"

export const MELIPAYAMAK_CONSOLE_BASE_URL = "https://console.melipayamak.com"
export const MELIPAYAMAK_REST_BASE_URL = "https://rest.payamak-panel.com"

// Unverified: the console API's failure body is not in the reference. The
// older Melipayamak APIs answer a small error code (0..35) where a message id
// belongs, and real ids are far larger, so a reply counts as sent only when
// its id is all digits and at least this.
const MIN_REC_ID = 1000

/**
 * The message id a reply carries in `recId` (console) or `Value` (REST), as
 * the digits the gateway sent; undefined when it is an error code instead.
 */
function recIdOf(value: unknown): string | undefined {
  const digits =
    typeof value === "string" || typeof value === "number"
      ? String(value).trim()
      : ""
  return /^\d+$/.test(digits) && Number(digits) >= MIN_REC_ID
    ? digits
    : undefined
}

abstract class MelipayamakBase implements SmsGateway {
  readonly name = "melipayamak" as const

  constructor(protected readonly context: GatewayContext) {}

  abstract sendText(to: string, text: string): Promise<SmsSendResult>

  protected recipient(to: string): string {
    return formatForGateway(
      to,
      this.context.options.number_format ?? "ir_local"
    )
  }

  protected base(defaultUrl: string): string {
    return (this.context.options.base_url ?? defaultUrl).replace(/\/+$/, "")
  }
}

/**
 * Melipayamak console API: JSON, with the console token in the URL path (so
 * URLs are never logged). Templates are the panel's shared-line patterns.
 */
export class MelipayamakConsoleGateway extends MelipayamakBase {
  async sendText(to: string, text: string): Promise<SmsSendResult> {
    return await this.call("simple", {
      from: this.context.options.from,
      to: this.recipient(to),
      text,
    })
  }

  async sendTemplate(
    to: string,
    template: string,
    params: TemplateParams
  ): Promise<SmsSendResult> {
    if (!/^\d+$/.test(String(template))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `melipayamak template (${template}) must be the numeric bodyId of an approved pattern`
      )
    }
    return await this.call("shared", {
      bodyId: Number(template),
      to: this.recipient(to),
      args: listTemplateParams(params).map((param) => param.value),
    })
  }

  protected async call(
    kind: "simple" | "shared",
    json: unknown
  ): Promise<SmsSendResult> {
    const { options } = this.context
    const secrets = [options.token]
    const response = await postToGateway({
      gateway: this.name,
      url: `${this.base(MELIPAYAMAK_CONSOLE_BASE_URL)}/api/send/${kind}/${encodeURIComponent(options.token!)}`,
      json,
      timeoutMs: options.timeout_ms!,
      secrets,
    })
    return this.read(response, secrets)
  }

  protected read(
    response: GatewayResponse,
    secrets: Array<string | undefined>
  ): SmsSendResult {
    const recId = response.body?.recId
    const id = recIdOf(recId)
    if (response.ok && id) {
      return { id }
    }
    const hasRecId =
      recId !== undefined && recId !== null && !Number.isNaN(Number(recId))
    throw new SmsGatewayError({
      gateway: this.name,
      code: response.ok && hasRecId ? recId : response.status,
      description: describeReply(
        response.body?.status ??
          response.body?.message ??
          (response.body ? undefined : response.text),
        secrets
      ),
      transient: isTransientHttpStatus(response.status),
      http_status: response.status,
    })
  }
}

/**
 * Melipayamak's older REST API (rest.payamak-panel.com): form-encoded with
 * username and password in the body. The verdict is `RetStatus`, which may
 * be a failure under HTTP 200, and then `Value`, which for some failures is
 * an error code rather than a message id even under `RetStatus` 1. This API
 * is used for plain text only: its pattern method is not in the reference,
 * so templates fall back to text.
 */
export class MelipayamakRestGateway extends MelipayamakBase {
  async sendText(to: string, text: string): Promise<SmsSendResult> {
    const { options } = this.context
    const secrets = [options.password]
    const response = await postToGateway({
      gateway: this.name,
      url: `${this.base(MELIPAYAMAK_REST_BASE_URL)}/api/SendSMS/SendSMS`,
      form: {
        username: options.username,
        password: options.password,
        to: this.recipient(to),
        from: options.from,
        text,
        isFlash: "false",
      },
      timeoutMs: options.timeout_ms!,
      secrets,
    })

    const retStatus = response.body?.RetStatus
    if (response.ok && Number(retStatus) === 1) {
      // RetStatus 1 says only that the call was understood: `Value` is then
      // the message id, or the code of why nothing was sent ("11").
      const value = response.body.Value
      const id = recIdOf(value)
      if (id) {
        return { id }
      }
      const errorCode =
        typeof value === "string" || typeof value === "number"
          ? String(value).trim()
          : ""
      const isCode = /^-?\d+$/.test(errorCode)
      throw new SmsGatewayError({
        gateway: this.name,
        code: isCode ? errorCode : retStatus,
        description: isCode
          ? "not sent (an error code where the message id belongs)"
          : `reply has no message id ${describeReply(value, secrets)}`.trim(),
        transient: false,
        http_status: response.status,
      })
    }
    const hasRetStatus = retStatus !== undefined && retStatus !== null
    throw new SmsGatewayError({
      gateway: this.name,
      code: hasRetStatus ? retStatus : response.status,
      description: describeReply(
        response.body?.StrRetStatus ??
          (response.body ? undefined : response.text),
        secrets
      ),
      transient: isTransientHttpStatus(response.status),
      http_status: response.status,
    })
  }
}
