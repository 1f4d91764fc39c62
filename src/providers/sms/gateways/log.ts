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

/** A gateway's context, and whether the message is a secret (a one-time code). */
export type LogGatewayContext = GatewayContext & { secret?: boolean }

const WITHHELD = "(a one-time code; its text is not logged)"

/**
 * The development gateway: writes the message to the log, never the
 * network. A secret message's text is withheld: a log is read by more
 * people, and kept longer, than a code's owner.
 */
export class LogGateway implements SmsGateway {
  readonly name = "log" as const

  constructor(protected readonly context: LogGatewayContext) {}

  async sendText(to: string, text: string): Promise<SmsSendResult> {
    const shown = this.context.secret ? WITHHELD : text
    this.context.logger.info(`[sms] to ${maskPhone(to)}: ${shown}`)
    return { id: `log_${randomUUID()}` }
  }

  async sendTemplate(
    to: string,
    template: string,
    params: TemplateParams,
    text?: string
  ): Promise<SmsSendResult> {
    const secret = this.context.secret
    const values = params === undefined || secret ? "" : ` ${JSON.stringify(params)}`
    const fallback = secret ? ` ${WITHHELD}` : text ? ` (text: ${text})` : ""
    this.context.logger.info(
      `[sms] to ${maskPhone(to)}: template ${template}${values}${fallback}`
    )
    return { id: `log_${randomUUID()}` }
  }
}
