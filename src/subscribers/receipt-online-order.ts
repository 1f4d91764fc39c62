import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { queueReceiptMessageWorkflow } from "../workflows/feedback"
import { retryingTransientFailures } from "./_retry"

/** An online order's receipt SMS, when the shop turned `receipt_sms_online` on. */
async function receiptOnlineOrder({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await queueReceiptMessageWorkflow(container).run({
    input: { order_id: data.id, source: "online" },
  })
}

export default retryingTransientFailures(receiptOnlineOrder)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "loyalty-receipt-online-order" },
}
