import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reverseOrderCashbackWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

async function orderCanceledCashback({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await reverseOrderCashbackWorkflow(container).run({
    input: { order_id: data.id, reason: "canceled" },
  })
}

export default retryingTransientFailures(orderCanceledCashback)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "loyalty-order-canceled-cashback" },
}
