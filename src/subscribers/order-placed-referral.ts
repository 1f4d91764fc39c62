import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { qualifyReferralOrderWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

/** A referred friend's order: it may qualify their referral (or earn the referrer a percentage). */
async function orderPlacedReferral({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await qualifyReferralOrderWorkflow(container).run({ input: { order_id: data.id } })
}

export default retryingTransientFailures(orderPlacedReferral)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "loyalty-order-placed-referral" },
}
