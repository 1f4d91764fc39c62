import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reverseReferralOrderWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

/** Items of a friend's qualifying order returned within the hold (any part): the referral's rewards are taken back. */
async function orderReturnedReferral({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await reverseReferralOrderWorkflow(container).run({ input: { order_id: data.order_id, reason: "returned" } })
}

export default retryingTransientFailures(orderReturnedReferral)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.RETURN_RECEIVED,
  context: { subscriberId: "loyalty-order-returned-referral" },
}
