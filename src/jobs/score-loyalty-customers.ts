import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { scoreCustomersWorkflow } from "../workflows/scores"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-score-customers",
  // Nightly, 04:00 in Tehran: after the analytics rollups (03:15), before
  // the shop opens, so the day's automations read last night's segments.
  // Runs wait for one another under an advisory lock.
  schedule: "30 0 * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await scoreCustomersWorkflow(container).run({ input: {} })
  logger.info(`Loyalty club: ${result.scored} customers scored in ${result.duration_ms} ms`)
})
