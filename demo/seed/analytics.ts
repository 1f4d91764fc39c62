import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshAnalyticsWorkflow } from "../../src/workflows/analytics"

/**
 * Analytics: the rollups built from everything seeded before (the orders
 * online and at the till, the wallets, tiers, codes, occasions and
 * referrals), so the Loyalty analytics page shows figures at once instead
 * of waiting for the nightly job.
 */
export async function seedAnalytics(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await refreshAnalyticsWorkflow(container).run({ input: {} })
  logger.info(`Demo analytics: rollups built (${result.orders} orders, ${result.customers} customers)`)
}
