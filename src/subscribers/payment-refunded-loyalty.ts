import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  ContainerRegistrationKeys,
  PaymentEvents,
} from "@medusajs/framework/utils"
import {
  giveBackOrderCreditWorkflow,
  reverseOrderCashbackWorkflow,
} from "../workflows"
import { retryingTransientFailures } from "./_retry"

/** A refund: its share of cashback goes, its share of wallet credit comes back. */
async function paymentRefundedLoyalty({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: data.id },
  })
  const orderId = (payments[0] as any)?.payment_collection?.order?.id
  if (!orderId) {
    return
  }
  await reverseOrderCashbackWorkflow(container).run({
    input: { order_id: orderId, reason: "refunded" },
  })
  // The wallet-paid share of what came back returns to the wallet.
  await giveBackOrderCreditWorkflow(container).run({
    input: { order_id: orderId, reason: "refunded" },
  })
}

export default retryingTransientFailures(paymentRefundedLoyalty)

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "loyalty-payment-refunded" },
}
