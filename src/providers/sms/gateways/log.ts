import { randomUUID } from "node:crypto"
import {
  GatewayContext,
  SmsGateway,
  SmsSendResult,
  TemplateParams,
} from "../types"

/**
 * `+989121234567` -> `+98912***4567`: enough to tell test phones apart in a
 * dev log without writing a customer's full number to it.
 */
export function maskPhone(e164: string): string {
  if (e164.length <= 8) {
    return `***${e164.slice(-2)}`
  }
  return `${e164.slice(0, Math.min(6, e164.length - 7))}***${e164.slice(-4)}`
}

/** The development gateway: writes the message to the log, never the network. */
export class LogGateway implements SmsGateway {
  readonly name = "log" as const

  constructor(protected readonly context: GatewayContext) {}

  async sendText(to: string, text: string): Promise<SmsSendResult> {
    this.context.logger.info(`[sms] to ${maskPhone(to)}: ${text}`)
    return { id: `log_${randomUUID()}` }
  }

  async sendTemplate(
    to: string,
    template: string,
    params: TemplateParams,
    text?: string
  ): Promise<SmsSendResult> {
    const values = params === undefined ? "" : ` ${JSON.stringify(params)}`
    const fallback = text ? ` (text: ${text})` : ""
    this.context.logger.info(
      `[sms] to ${maskPhone(to)}: template ${template}${values}${fallback}`
    )
    return { id: `log_${randomUUID()}` }
  }
}
