import { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"

/**
 * A customer's message log (newest first: promotional or service, and the
 * gateway's delivery report) and SMS preference (all SMS, promotions).
 */
export async function customerMessages(container: MedusaContainer, customerId: string, limit = 50) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const [messages, preferences] = await Promise.all([
    service.listMessages(
      { customer_id: customerId },
      {
        select: [
          "id", "event", "kind", "campaign_id", "locale", "phone", "body", "status", "reason", "send_after", "sent_at",
          "attempts", "delivery_status", "delivered_at", "created_at",
        ],
        order: { created_at: "DESC" },
        take: limit,
      }
    ),
    service.listMessagePreferencesOf([customerId]),
  ])
  const preference = preferences[customerId]
  return {
    messages,
    sms_preference: {
      opted_out: preference?.opted_out ?? false,
      promotions_opted_out: preference?.promotions_opted_out ?? false,
      locale: preference?.locale ?? null,
    },
  }
}
