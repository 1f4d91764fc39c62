import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { evaluateTiersWorkflow } from "../workflows"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-evaluate-tiers",
  // Nightly. Moves are keyed on the tier each customer is in, so a run that
  // overlaps another (or follows a crash) moves nobody twice.
  schedule: "30 2 * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await evaluateTiersWorkflow(container).run({ input: {} })
  logger.info(
    `Loyalty club: evaluated tiers of ${result.evaluated} customers: ${result.upgraded} up, ${result.downgraded} down, ${result.in_grace} in their grace period`
  )
})
