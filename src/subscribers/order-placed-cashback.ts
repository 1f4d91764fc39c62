import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { awardOrderCashbackWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

async function orderPlacedCashback({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await awardOrderCashbackWorkflow(container).run({
    input: { order_id: data.id },
  })
}

export default retryingTransientFailures(orderPlacedCashback)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "loyalty-order-placed-cashback" },
}
