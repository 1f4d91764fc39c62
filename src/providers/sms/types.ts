import { Logger } from "@medusajs/framework/types"
import { GatewayNumberFormat } from "../../utils/phone"

export const GATEWAYS = [
  "kavenegar",
  "smsir",
  "melipayamak",
  "ghasedak",
  "twilio",
  "webhook",
  "log",
] as const

export type GatewayName = (typeof GATEWAYS)[number]

export type SmsProviderOptions = {
  /** Which gateway sends the messages; `log` (the default) only logs them. */
  gateway?: GatewayName
  /** Overrides the host of the gateway (tests, proxies, a gateway's mirror). */
  base_url?: string
  /** Overrides how the gateway is sent the recipient's number. */
  number_format?: GatewayNumberFormat
  timeout_ms?: number
  max_attempts?: number
  retry_base_ms?: number

  // kavenegar, smsir, ghasedak
  api_key?: string
  // kavenegar
  sender?: string
  // smsir, ghasedak
  line_number?: string | number
  // melipayamak
  melipayamak_api?: "console" | "rest"
  token?: string
  username?: string
  password?: string
  // melipayamak, twilio
  from?: string
  // twilio
  account_sid?: string
  auth_token?: string
  messaging_service_sid?: string
  status_callback?: string
  // webhook
  url?: string
  secret?: string
  /**
   * Inbound: the secret part of the address a gateway forwards replies and
   * delivery reports to (Kavenegar's "forward URL":
   * `/hooks/loyalty/sms/kavenegar/<inbound_token>`); without it that route
   * answers 403 to everyone.
   */
  inbound_token?: string
  /**
   * Inbound: the public address of the store (e.g. `https://shop.example`)
   * as Twilio calls it; Twilio signs the full URL, so the route checks the
   * signature against this address, not the one behind a proxy.
   */
  public_url?: string

  /** Read by the notification module, not by the provider. */
  channels?: string[]
}

/** Template values in the template's order, or by the template's names. */
export type TemplateParams =
  | Record<string, string | number>
  | Array<string | number>

export type SmsSendResult = { id: string }

/**
 * One gateway's HTTP dialect. `to` is always E.164: each gateway writes it
 * in its own format. A gateway without templates leaves `sendTemplate` out
 * and the provider sends the text instead.
 */
export interface SmsGateway {
  readonly name: GatewayName
  sendText(to: string, text: string): Promise<SmsSendResult>
  sendTemplate?(
    to: string,
    template: string,
    params: TemplateParams,
    text?: string
  ): Promise<SmsSendResult>
}

export type GatewayContext = {
  options: SmsProviderOptions
  logger: Logger
  /** A stable id for this notification, reused by every attempt. */
  reference: string
}
