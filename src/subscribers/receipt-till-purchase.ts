import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { queueReceiptMessageWorkflow } from "../workflows/feedback"
import { LoyaltyPosEvents } from "../workflows/pos/events"
import { retryingTransientFailures } from "./_retry"

/**
 * A till purchase was registered (a new receipt, not a repeat): text the
 * member the link to its receipt, once per order.
 */
async function receiptTillPurchase({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string }>) {
  await queueReceiptMessageWorkflow(container).run({
    input: { order_id: data.order_id, source: "till" },
  })
}

export default retryingTransientFailures(receiptTillPurchase)

export const config: SubscriberConfig = {
  event: LoyaltyPosEvents.PURCHASE_REGISTERED,
  context: { subscriberId: "loyalty-receipt-till-purchase" },
}
