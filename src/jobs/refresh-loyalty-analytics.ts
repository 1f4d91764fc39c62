import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshAnalyticsWorkflow } from "../workflows/analytics"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-refresh-analytics",
  // Nightly, 03:15 in Tehran: after the day's orders, before the shop
  // opens. The rebuild runs under an advisory lock, so a run that overlaps
  // another (or an admin's refresh) waits for it instead of building twice.
  schedule: "45 23 * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await refreshAnalyticsWorkflow(container).run({ input: {} })
  logger.info(
    `Loyalty club: analytics rollups rebuilt in ${result.duration_ms} ms (${result.orders} orders, ${result.customers} customers)`
  )
})
