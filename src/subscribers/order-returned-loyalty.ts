import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  giveBackOrderCreditWorkflow,
  reverseOrderCashbackWorkflow,
} from "../workflows"
import { retryingTransientFailures } from "./_retry"

/** Returned items: their cashback goes, their wallet-paid share comes back. */
async function orderReturnedLoyalty({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await reverseOrderCashbackWorkflow(container).run({
    input: { order_id: data.order_id, reason: "returned" },
  })
  // The wallet-paid share of what came back returns to the wallet.
  await giveBackOrderCreditWorkflow(container).run({
    input: { order_id: data.order_id, reason: "returned" },
  })
}

export default retryingTransientFailures(orderReturnedLoyalty)

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.RETURN_RECEIVED,
  context: { subscriberId: "loyalty-order-returned" },
}
