import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { MessageResult } from "../../../modules/loyalty-club/types"
import { messageKindOf, sendAfter } from "../../../utils/sms-messages"

export const sendDueMessagesStepId = "loyalty-send-due-messages"

// A message whose send failed is tried again this many times in all, a few
// minutes apart (the gateway adapter already retried short failures).
const MAX_ATTEMPTS = 3
const RETRY_AFTER_MS = 5 * 60 * 1000
// Sends in flight at once.
const CONCURRENCY = 5

/**
 * Sends due messages through the notification module's `sms` channel. Each
 * message is claimed first (two runs never take the same one) and sent with
 * its idempotency key, which the notification module keeps, so a run that
 * died after a send and is picked up again does not send it twice. A
 * customer who opted out after the message was queued is skipped, and of a
 * promotional message one who opted out of promotions since (a reply "لغو۱۱"
 * read in between). A sent message keeps the gateway's id of it, which its
 * delivery report names. Sending cannot be undone: no compensation.
 */
export const sendDueMessagesStep = createStep(
  sendDueMessagesStepId,
  async (input: { at?: Date | string; limit?: number }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const notifications = container.resolve(Modules.NOTIFICATION)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const at = input.at ? new Date(input.at) : new Date()
    const claimed = await service.claimDueMessages({ at, limit: input.limit ?? 500 })
    if (!claimed.length) {
      return new StepResponse({ claimed: 0, sent: 0, failed: 0, skipped: 0, retrying: 0 })
    }
    const [settings, preferences] = await Promise.all([
      service.retrieveSettings(),
      service.listMessagePreferencesOf(
        Array.from(new Set(claimed.flatMap((m) => (m.customer_id ? [m.customer_id] : []))))
      ),
    ])
    const results: (MessageResult & { gateway_message_id?: string | null })[] = []
    let next = 0
    const worker = async () => {
      while (next < claimed.length) {
        const message = claimed[next++]
        if (message.customer_id && preferences[message.customer_id]?.opted_out) {
          results.push({ id: message.id, status: "skipped", reason: "opted_out" })
          continue
        }
        if (
          message.customer_id &&
          messageKindOf(message.event) === "promotional" &&
          preferences[message.customer_id]?.promotions_opted_out
        ) {
          results.push({ id: message.id, status: "skipped", reason: "promotions_opted_out" })
          continue
        }
        try {
          const [notification] = await notifications.createNotifications([
            {
              to: message.phone!,
              channel: "sms",
              template: message.event,
              content: { text: message.body },
              data: {
                text: message.body,
                locale: message.locale,
                gateway_template: message.gateway_template,
                // Named values in the wording's order (the provider reads
                // this object in memory, so its key order holds).
                template_params: message.template_params
                  ? Object.fromEntries(message.template_params.map((p) => [p.name, p.value]))
                  : null,
                sender: settings.sender_line,
              },
              // A phone credit was sent to, not a member yet, has no customer.
              resource_id: message.customer_id ?? undefined,
              resource_type: message.customer_id ? "customer" : undefined,
              idempotency_key: message.failures
                ? `${message.idempotency_key}#${message.failures}`
                : message.idempotency_key,
            } as any,
          ])
          results.push({
            id: message.id,
            status: "sent",
            notification_id: notification?.id ?? null,
            gateway_message_id: (notification as { external_id?: string | null } | undefined)?.external_id ?? null,
          })
        } catch (error: any) {
          const reason = String(error?.message ?? error).slice(0, 500)
          if (message.failures + 1 < MAX_ATTEMPTS) {
            const retryAt = new Date(at.getTime() + RETRY_AFTER_MS * (message.failures + 1))
            results.push({
              id: message.id,
              status: "queued",
              reason,
              send_after: sendAfter(retryAt, settings.quiet_hours_start, settings.quiet_hours_end, settings.time_zone),
            })
          } else {
            results.push({ id: message.id, status: "failed", reason })
          }
          logger.warn(`Loyalty club: SMS ${message.id} (${message.event}) not sent: ${reason}`)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker))
    await service.finishMessages(results)
    const count = (status: string) => results.filter((r) => r.status === status).length
    return new StepResponse({
      claimed: claimed.length,
      sent: count("sent"),
      failed: count("failed"),
      skipped: count("skipped"),
      retrying: count("queued"),
    })
  }
)
