import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendDueCampaigns } from "../workflows/campaigns"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-send-scheduled-campaigns",
  // Every minute: a campaign scheduled for 10:00 is queued by the 10:00
  // run. Overlapping runs queue it once (the conditional move to queuing);
  // a queue a dead worker left is taken again once stale.
  schedule: "* * * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { queued, finished } = await sendDueCampaigns(container)
  if (queued.length || finished.length) {
    logger.info(`Loyalty club: campaigns queued: ${queued.join(", ") || "none"}; finished: ${finished.join(", ") || "none"}`)
  }
})
