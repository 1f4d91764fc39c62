import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { giveBackOrderCreditWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

async function orderCanceledCredit({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await giveBackOrderCreditWorkflow(container).run({
    input: { order_id: data.id },
  })
}

export default retryingTransientFailures(orderCanceledCredit)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "loyalty-order-canceled-credit" },
}
