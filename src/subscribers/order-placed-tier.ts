import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { upgradeCustomerTierWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

async function orderPlacedTier({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await upgradeCustomerTierWorkflow(container).run({
    input: { order_id: data.id },
  })
}

export default retryingTransientFailures(orderPlacedTier)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "loyalty-order-placed-tier" },
}
