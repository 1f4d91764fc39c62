import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { purgeOneTimeCodesWorkflow } from "../workflows"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-purge-one-time-codes",
  // Hourly: a code is useless after five minutes, and the rate limits read
  // only the last hour; the job keeps a day's worth.
  schedule: "17 * * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await purgeOneTimeCodesWorkflow(container).run({ input: {} })
  if (result.purged) {
    logger.info(`Loyalty club: purged ${result.purged} old one-time codes`)
  }
})
