import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  ContainerRegistrationKeys,
  PaymentEvents,
} from "@medusajs/framework/utils"
import { reverseOrderCashbackWorkflow } from "../workflows"

export default async function paymentRefundedCashback({
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
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "loyalty-payment-refunded-cashback" },
}
