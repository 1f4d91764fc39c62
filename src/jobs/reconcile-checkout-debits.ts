import { reconcileCheckoutDebitsWorkflow } from "../workflows"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-reconcile-checkout-debits",
  // Every minute; a debit waits reconcile_after_seconds (180 s by default,
  // longer than core's 120 s cart lock) before it counts as orphaned. Each
  // give-back runs under the cart's lock and is keyed on the debit, so
  // overlapping runs return it once.
  schedule: "* * * * *",
}

export default loyaltyJob(config, async (container) => {
  await reconcileCheckoutDebitsWorkflow(container).run({ input: {} })
})
