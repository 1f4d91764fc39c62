import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { queueExpiryRemindersWorkflow } from "../workflows"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-queue-expiry-reminders",
  // Hourly, so the shop's day (its time zone) is never missed; each wallet
  // gets one reminder a day (the key holds the day), so the other runs of
  // the day queue nothing.
  schedule: "5 * * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await queueExpiryRemindersWorkflow(container).run({ input: {} })
  if (result.queued.length) {
    logger.info(`Loyalty club: queued ${result.queued.length} expiry reminders`)
  }
})
