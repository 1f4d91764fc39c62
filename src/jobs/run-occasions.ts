import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runOccasions } from "../workflows/occasions"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-run-occasions",
  // Hourly: a day's occasions are found by its first run and given once
  // (the grants' key); later runs finish what a failed one left.
  schedule: "35 * * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { occasions } = await runOccasions(container)
  for (const o of occasions) {
    if (o.pending || o.skipped || o.given || o.failed) {
      logger.info(
        `Loyalty club: ${o.kind}: ${o.pending} due, ${o.given} given, ${o.skipped} skipped (birthday changed recently), ${o.failed} gifts refused`
      )
    }
  }
})
