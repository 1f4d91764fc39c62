import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { queueWinBackMessagesWorkflow } from "../workflows"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-queue-win-back-messages",
  // Hourly like the reminders; one message per customer and day.
  schedule: "20 * * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await queueWinBackMessagesWorkflow(container).run({ input: {} })
  if (result.queued.length) {
    logger.info(`Loyalty club: queued ${result.queued.length} win-back messages`)
  }
})
