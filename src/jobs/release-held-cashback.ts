import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { releaseHeldCashbackWorkflow } from "../workflows"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-release-held-cashback",
  // Held cashback is spendable from its date on (balances and debits check
  // it); this run records the release and sends loyalty.cashback.released.
  schedule: "*/15 * * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await releaseHeldCashbackWorkflow(container).run({ input: {} })
  if (result.length) {
    logger.info(`Loyalty club: released held cashback of ${result.length} orders`)
  }
})
