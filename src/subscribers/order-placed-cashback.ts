import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { awardOrderCashbackWorkflow } from "../workflows"

export default async function orderPlacedCashback({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await awardOrderCashbackWorkflow(container).run({
    input: { order_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "loyalty-order-placed-cashback" },
}
