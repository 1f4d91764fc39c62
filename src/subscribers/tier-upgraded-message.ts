import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LoyaltyTierEvents, queueTierMessageWorkflow } from "../workflows"

export default async function tierUpgradedMessage({
  event: { data },
  container,
}: SubscriberArgs<{ customer_id: string; to_tier_id: string | null; reason: string }>) {
  // Congratulations are for tiers the customer's orders earned, not for an
  // admin's pin.
  if (!data.to_tier_id || !["order", "evaluation"].includes(data.reason)) {
    return
  }
  await queueTierMessageWorkflow(container).run({
    input: { customer_id: data.customer_id, tier_id: data.to_tier_id },
  })
}

export const config: SubscriberConfig = {
  event: LoyaltyTierEvents.UPGRADED,
  context: { subscriberId: "loyalty-tier-upgraded-message" },
}
