import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reverseReferralOrderWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

/** A friend's qualifying order canceled within the hold: the referral's rewards are taken back. */
async function orderCanceledReferral({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await reverseReferralOrderWorkflow(container).run({ input: { order_id: data.id, reason: "canceled" } })
}

export default retryingTransientFailures(orderCanceledReferral)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "loyalty-order-canceled-referral" },
}
