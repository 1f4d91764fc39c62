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

export const KAVENEGAR_BASE_URL = "https://api.kavenegar.com"

// verify/lookup has five value slots and no others; positional values fill
// them in this order.
const TOKEN_SLOTS = ["token", "token2", "token3", "token10", "token20"]

// `return.status` values the reference names. 409 is Kavenegar asking to be
// called again later; the rest will fail the same way on every attempt. The
// reference only says 401/403/407 sent nothing; which of them means which,
// and 501, are from Kavenegar's public docs (unverified here).
const STATUS_LABELS: Record<number, string> = {
  401: "account disabled, nothing sent",
  403: "invalid API key, nothing sent",
  407: "access denied, nothing sent",
  409: "try later",
  418: "no credit",
  501: "a test account may only text its owner's number",
}
const TRANSIENT_STATUSES = new Set([409])
// Kavenegar's own codes, not HTTP's: 501 looks like a server error, but a
// test account refused a stranger's number is refused on every attempt.
const PERMANENT_STATUSES = new Set([501])

/**
 * Kavenegar: the API key is part of the URL path, so URLs never reach a log
 * line or an error. The reply wraps the verdict in `return.status`, which is
 * read whatever the HTTP status.
 */
export class KavenegarGateway implements SmsGateway {
  readonly name = "kavenegar" as const

  constructor(protected readonly context: GatewayContext) {}

  async sendText(to: string, text: string): Promise<SmsSendResult> {
    return await this.call("sms/send.json", {
      receptor: this.receptor(to),
      message: text,
      sender: this.context.options.sender,
    })
  }

  async sendTemplate(
    to: string,
    template: string,
    params: TemplateParams
  ): Promise<SmsSendResult> {
    return await this.call("verify/lookup.json", {
      receptor: this.receptor(to),
      template,
      ...this.tokens(params),
      type: "sms",
    })
  }

  protected receptor(to: string): string {
    return formatForGateway(
      to,
      this.context.options.number_format ?? "ir_local"
    )
  }

  // An object whose keys are Kavenegar's own slot names fills those slots;
  // anything else fills token, token2, token3, token10, token20 in order.
  // Kavenegar refuses spaces in token..token3 (token10 and token20 allow a
  // few); values are passed as given so the gateway's verdict is reported.
  protected tokens(params: TemplateParams): Record<string, string> {
    const list = listTemplateParams(params)
    const byName =
      list.length > 0 &&
      list.every((p) => p.name && TOKEN_SLOTS.includes(p.name))
    if (!byName && list.length > TOKEN_SLOTS.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `kavenegar templates take at most ${TOKEN_SLOTS.length} values (token, token2, token3, token10, token20), ${list.length} given`
      )
    }
    const tokens: Record<string, string> = {}
    list.forEach((param, index) => {
      tokens[byName ? param.name! : TOKEN_SLOTS[index]] = param.value
    })
    return tokens
  }

  protected async call(
    method: string,
    form: Record<string, string | undefined>
  ): Promise<SmsSendResult> {
    const { options } = this.context
    const base = (options.base_url ?? KAVENEGAR_BASE_URL).replace(/\/+$/, "")
    const secrets = [options.api_key]
    const response = await postToGateway({
      gateway: this.name,
      url: `${base}/v1/${encodeURIComponent(options.api_key!)}/${method}`,
      form,
      timeoutMs: options.timeout_ms!,
      secrets,
    })
    return this.read(response, secrets)
  }

  protected read(
    response: GatewayResponse,
    secrets: Array<string | undefined>
  ): SmsSendResult {
    const status = Number(response.body?.return?.status)
    const hasStatus = Number.isInteger(status) && status > 0
    if (response.ok && status === 200) {
      const messageId = response.body?.entries?.[0]?.messageid
      if (messageId === undefined || messageId === null) {
        // Accepted without an id: sending again could deliver it twice.
        throw new SmsGatewayError({
          gateway: this.name,
          code: 200,
          description: "reply has no message id",
          transient: false,
          http_status: response.status,
        })
      }
      return { id: String(messageId) }
    }

    const code = hasStatus ? status : response.status
    const said = describeReply(
      response.body?.return?.message ??
        (response.body ? undefined : response.text),
      secrets
    )
    const label = STATUS_LABELS[code]
    throw new SmsGatewayError({
      gateway: this.name,
      code,
      description: label && said ? `${label}: ${said}` : (label ?? said),
      transient:
        !PERMANENT_STATUSES.has(code) &&
        (TRANSIENT_STATUSES.has(code) ||
          isTransientHttpStatus(response.status) ||
          (hasStatus && isTransientHttpStatus(status))),
      http_status: response.status,
    })
  }
}
