import { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"

/** A customer's message log (newest first) and SMS preference. */
export async function customerMessages(container: MedusaContainer, customerId: string, limit = 50) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const [messages, preferences] = await Promise.all([
    service.listMessages(
      { customer_id: customerId },
      {
        select: ["id", "event", "locale", "phone", "body", "status", "reason", "send_after", "sent_at", "attempts", "created_at"],
        order: { created_at: "DESC" },
        take: limit,
      }
    ),
    service.listSmsPreferencesOf([customerId]),
  ])
  const preference = preferences[customerId]
  return {
    messages,
    sms_preference: { opted_out: preference?.opted_out ?? false, locale: preference?.locale ?? null },
  }
}
