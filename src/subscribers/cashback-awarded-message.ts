import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LoyaltyCashbackEvents, queueMessagesWorkflow } from "../workflows"
import { retryingTransientFailures } from "./_retry"

async function cashbackAwardedMessage({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; customer_id: string | null; amount: string; currency_code: string }>) {
  if (!data.customer_id) {
    return
  }
  await queueMessagesWorkflow(container).run({
    input: {
      event: "cashback_credited",
      items: [
        {
          customer_id: data.customer_id,
          subject: data.order_id,
          currency_code: data.currency_code,
          amount: { amount: data.amount, currency_code: data.currency_code },
          data: { order_id: data.order_id },
        },
      ],
    },
  })
}

export default retryingTransientFailures(cashbackAwardedMessage)

export const config: SubscriberConfig = {
  event: LoyaltyCashbackEvents.AWARDED,
  context: { subscriberId: "loyalty-cashback-awarded-message" },
}
