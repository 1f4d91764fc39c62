import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LoyaltyTierEvents, queueTierMessageWorkflow, TierEventData } from "../workflows"
import { retryingTransientFailures } from "./_retry"

async function tierUpgradedMessage({
  event: { data },
  container,
}: SubscriberArgs<TierEventData>) {
  // Congratulations are for tiers the customer's orders earned, not for an
  // admin's pin. The periodic evaluation texts its own moves, a page at a
  // time in one statement (one workflow per event would be 100,000 runs at
  // once after a big evaluation): this one texts the move an order made.
  if (!data.to_tier_id || data.reason !== "order" || !data.history_id) {
    return
  }
  await queueTierMessageWorkflow(container).run({
    input: { customer_id: data.customer_id, tier_id: data.to_tier_id, history_id: data.history_id },
  })
}

export default retryingTransientFailures(tierUpgradedMessage)

export const config: SubscriberConfig = {
  event: LoyaltyTierEvents.UPGRADED,
  context: { subscriberId: "loyalty-tier-upgraded-message" },
}
