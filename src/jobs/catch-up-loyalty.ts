import { catchUpLoyaltyWorkflow } from "../workflows"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-catch-up",
  // Every five minutes, for orders past catch_up_grace_seconds (600 s by
  // default: the subscribers and the event bus's retries go first). The
  // award is the subscriber's own, keyed and locked on the order.
  schedule: "*/5 * * * *",
}

export default loyaltyJob(config, async (container) => {
  await catchUpLoyaltyWorkflow(container).run({ input: {} })
})
