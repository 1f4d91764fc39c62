import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { evaluateTiersWorkflow } from "../workflows"

export default async function evaluateTiersJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await evaluateTiersWorkflow(container).run({ input: {} })
  const up = result.changes.filter((c) => c.direction === "upgraded").length
  const down = result.changes.filter((c) => c.direction === "downgraded").length
  logger.info(
    `Loyalty club: evaluated tiers of ${result.evaluated} customers: ${up} up, ${down} down, ${result.in_grace} in their grace period`
  )
}

export const config = {
  name: "loyalty-evaluate-tiers",
  // Nightly. Moves are keyed on the tier each customer is in, so a run that
  // overlaps another (or follows a crash) moves nobody twice.
  schedule: "30 2 * * *",
}
