import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reverseOrderCashbackWorkflow } from "../workflows"

export default async function orderReturnedCashback({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await reverseOrderCashbackWorkflow(container).run({
    input: { order_id: data.order_id, reason: "returned" },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.RETURN_RECEIVED,
  context: { subscriberId: "loyalty-order-returned-cashback" },
}
