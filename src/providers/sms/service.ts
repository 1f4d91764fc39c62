import { randomUUID } from "node:crypto"
import {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import {
  AbstractNotificationProviderService,
  MedusaError,
} from "@medusajs/framework/utils"
import { normalizePhone } from "../../utils/phone"
import { SmsGatewayError } from "./errors"
import { createGateway, maskPhone } from "./gateways"
import { LogGatewayContext } from "./gateways/log"
import { validateSmsOptions, withDefaults, withSenderOverride } from "./options"
import { withRetry } from "./retry"
import { SmsProviderOptions, TemplateParams } from "./types"

type InjectedDependencies = {
  logger: Logger
}

/**
 * The `sms` channel's one provider (the notification module allows one per
 * channel); the store picks the gateway in its options.
 *
 * A notification's `to` is the phone as stored or typed, `content.text` (or
 * `data.text`) the message. `data.gateway_template` names a template the
 * gateway has approved and `data.template_params` fills it; gateways without
 * templates send the text instead. `from` (or `data.sender`) overrides the
 * configured sender line for one message. `data.secret: true` marks a text
 * (a one-time code) that must appear nowhere but the SMS: the sender puts
 * it in `content` only, which the notification module hands over but does
 * not store, and no gateway logs it.
 */
export class SmsNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "loyalty-sms"

  protected logger_: Logger
  protected options_: SmsProviderOptions

  static validateOptions(options: Record<any, any>): void {
    validateSmsOptions(options)
  }

  constructor({ logger }: InjectedDependencies, options: SmsProviderOptions) {
    super()
    // The module loader validates too; this covers a provider built directly.
    validateSmsOptions(options)
    this.logger_ = logger
    this.options_ = withDefaults(options ?? {})

    if (
      this.options_.gateway === "log" &&
      process.env.NODE_ENV === "production"
    ) {
      this.logger_.warn(
        "[sms] no gateway configured: SMS notifications are only logged"
      )
    }
  }

  async send(
    notification: ProviderSendNotificationDTO
  ): Promise<ProviderSendNotificationResultsDTO> {
    const to = normalizePhone(notification.to)
    const text = notification.content?.text ?? notification.data?.text
    const template = notification.data?.gateway_template
    const params = (notification.data?.template_params ?? undefined) as
      | TemplateParams
      | undefined

    // The same reference on every attempt lets the webhook receiver and
    // Ghasedak's panel recognise a repeat of one notification.
    const runtime = notification as ProviderSendNotificationDTO & {
      id?: string
      idempotency_key?: string | null
    }
    const reference =
      runtime.id ?? runtime.idempotency_key ?? `sms_${randomUUID()}`
    // A secret message (a one-time code) reaches the gateway and nothing
    // else: the log gateway writes that it sent one, not the text.
    const context: LogGatewayContext = {
      options: withSenderOverride(
        this.options_,
        notification.from ?? notification.data?.sender
      ),
      logger: this.logger_,
      reference,
      secret: notification.data?.secret === true,
    }
    const gateway = createGateway(context)

    const hasTemplate =
      (typeof template === "string" && template.length > 0) ||
      typeof template === "number"
    const useTemplate = hasTemplate && !!gateway.sendTemplate
    const hasText = typeof text === "string" && text.trim().length > 0
    if (!useTemplate && !hasText) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Notification (${notification.template}) to ${maskPhone(to)} has no SMS text: set content.text or data.text` +
          (hasTemplate ? `, the ${gateway.name} gateway has no templates` : "")
      )
    }

    const maxAttempts = this.options_.max_attempts!
    try {
      const result = await withRetry(
        () =>
          useTemplate
            ? gateway.sendTemplate!(
                to,
                String(template),
                params ?? [],
                hasText ? (text as string) : undefined
              )
            : gateway.sendText(to, text as string),
        {
          maxAttempts,
          baseMs: this.options_.retry_base_ms!,
          onRetry: (error, attempt, delayMs) =>
            this.logger_.warn(
              `[sms] ${error.message} (attempt ${attempt} of ${maxAttempts}), retrying in ${delayMs}ms`
            ),
        }
      )
      return { id: result.id }
    } catch (error) {
      if (error instanceof SmsGatewayError) {
        // Error messages are built without URLs, keys or request bodies, so
        // this line is safe to ship to a log service.
        this.logger_.error(
          `[sms] sending ${notification.template} to ${maskPhone(to)} failed: ${error.message}`
        )
      }
      throw error
    }
  }
}

export default SmsNotificationProviderService
