import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { SmsNotificationProviderService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [SmsNotificationProviderService],
})

export { SmsGatewayError } from "./errors"
export {
  signWebhookBody,
  verifyWebhookSignature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  WEBHOOK_TOLERANCE_SECONDS,
} from "./gateways/webhook"
export { SmsNotificationProviderService }
export type { SmsProviderOptions, GatewayName } from "./types"
