import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { qualifyReferralOrderWorkflow } from "../workflows"
import { LoyaltyPosEvents } from "../workflows/pos/events"
import { retryingTransientFailures } from "./_retry"

/** A till purchase (a new receipt): its order may qualify the member's referral. */
async function posPurchaseReferral({ event: { data }, container }: SubscriberArgs<{ order_id: string }>) {
  await qualifyReferralOrderWorkflow(container).run({ input: { order_id: data.order_id } })
}

export default retryingTransientFailures(posPurchaseReferral)

export const config: SubscriberConfig = {
  event: LoyaltyPosEvents.PURCHASE_REGISTERED,
  context: { subscriberId: "loyalty-pos-purchase-referral" },
}
