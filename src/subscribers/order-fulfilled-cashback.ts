import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { releaseOrderCashbackWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

async function orderFulfilledCashback({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string }>) {
  await releaseOrderCashbackWorkflow(container).run({
    input: { order_id: data.order_id },
  })
}

export default retryingTransientFailures(orderFulfilledCashback)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "loyalty-order-fulfilled-cashback" },
}
