import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { queueCreditRedeemedMessageWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

async function orderPlacedCreditMessage({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await queueCreditRedeemedMessageWorkflow(container).run({ input: { order_id: data.id } })
}

export default retryingTransientFailures(orderPlacedCreditMessage)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "loyalty-order-placed-credit-message" },
}
