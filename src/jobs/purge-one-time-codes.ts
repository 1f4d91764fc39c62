import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { purgeOneTimeCodesWorkflow } from "../workflows"

export default async function purgeOneTimeCodesJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await purgeOneTimeCodesWorkflow(container).run({ input: {} })
  if (result.purged) {
    logger.info(`Loyalty club: purged ${result.purged} old one-time codes`)
  }
}

export const config = {
  name: "loyalty-purge-one-time-codes",
  // Hourly: a code is useless after five minutes, and the rate limits read
  // only the last hour; the job keeps a day's worth.
  schedule: "17 * * * *",
}
