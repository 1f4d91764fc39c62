import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireDueLotsWorkflow } from "../workflows"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-expire-wallet-credit",
  // Every 15 minutes: credit stops being spendable at its expiry instant
  // anyway (balances and debits check the date); this run writes the ledger.
  schedule: "*/15 * * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await expireDueLotsWorkflow(container).run({ input: {} })
  if (result.lots) {
    logger.info(`Loyalty club: expired ${result.lots} credit lots`)
  }
})
