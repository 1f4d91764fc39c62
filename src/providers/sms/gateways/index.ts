import { GatewayContext, SmsGateway } from "../types"
import { GhasedakGateway } from "./ghasedak"
import { KavenegarGateway } from "./kavenegar"
import { LogGateway } from "./log"
import {
  MelipayamakConsoleGateway,
  MelipayamakRestGateway,
} from "./melipayamak"
import { SmsIrGateway } from "./smsir"
import { TwilioGateway } from "./twilio"
import { WebhookGateway } from "./webhook"

/** The gateway named by validated options, bound to one notification. */
export function createGateway(context: GatewayContext): SmsGateway {
  const { options } = context
  switch (options.gateway ?? "log") {
    case "kavenegar":
      return new KavenegarGateway(context)
    case "smsir":
      return new SmsIrGateway(context)
    case "melipayamak":
      return options.melipayamak_api === "rest"
        ? new MelipayamakRestGateway(context)
        : new MelipayamakConsoleGateway(context)
    case "ghasedak":
      return new GhasedakGateway(context)
    case "twilio":
      return new TwilioGateway(context)
    case "webhook":
      return new WebhookGateway(context)
    case "log":
      return new LogGateway(context)
  }
}

export { maskPhone } from "./log"
export {
  signWebhookBody,
  verifyWebhookSignature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  WEBHOOK_TOLERANCE_SECONDS,
} from "./webhook"
