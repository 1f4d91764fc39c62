import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CartWorkflowEvents } from "@medusajs/framework/utils"
import { refreshCartCreditWorkflow } from "../workflows"

export default async function cartChangedCredit({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await refreshCartCreditWorkflow(container).run({
    input: { cart_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: [
    CartWorkflowEvents.CREATED,
    CartWorkflowEvents.UPDATED,
    CartWorkflowEvents.CUSTOMER_UPDATED,
  ],
  context: { subscriberId: "loyalty-cart-changed-credit" },
}
