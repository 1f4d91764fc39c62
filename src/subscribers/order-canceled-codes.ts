import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { releaseOrderCodeUsesWorkflow } from "../workflows/codes"
import { retryingTransientFailures } from "./_retry"

async function orderCanceledCodes({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await releaseOrderCodeUsesWorkflow(container).run({ input: { order_id: data.id } })
}

export default retryingTransientFailures(orderCanceledCodes)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "loyalty-order-canceled-codes" },
}
