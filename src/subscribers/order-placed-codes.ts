import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { recordOrderCodeUsesWorkflow } from "../workflows/codes"
import { retryingTransientFailures } from "./_retry"

async function orderPlacedCodes({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await recordOrderCodeUsesWorkflow(container).run({ input: { order_id: data.id } })
}

export default retryingTransientFailures(orderPlacedCodes)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "loyalty-order-placed-codes" },
}
