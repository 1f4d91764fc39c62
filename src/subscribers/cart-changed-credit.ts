import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CartWorkflowEvents } from "@medusajs/framework/utils"
import { refreshCartCreditWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

async function cartChangedCredit({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await refreshCartCreditWorkflow(container).run({
    input: { cart_id: data.id },
  })
}

export default retryingTransientFailures(cartChangedCredit)

export const config: SubscriberConfig = {
  event: [
    CartWorkflowEvents.CREATED,
    CartWorkflowEvents.UPDATED,
    CartWorkflowEvents.CUSTOMER_UPDATED,
  ],
  context: { subscriberId: "loyalty-cart-changed-credit" },
}
