import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendDueMessagesWorkflow } from "../workflows"
import { loyaltyJob } from "./_tick"

// Messages per run of the workflow; a tick runs it until the queue is empty
// or this many batches went.
const BATCH = 500
const MAX_BATCHES = 20

export const config = {
  name: "loyalty-send-messages",
  // Every minute: messages wait in the queue for quiet hours to end. Claims
  // skip rows another run holds, so overlapping runs send each message once.
  schedule: "* * * * *",
}

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let sent = 0
  let failed = 0
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { result } = await sendDueMessagesWorkflow(container).run({ input: { limit: BATCH } })
    sent += result.sent
    failed += result.failed
    if (result.claimed < BATCH) {
      break
    }
  }
  if (sent || failed) {
    logger.info(`Loyalty club: sent ${sent} SMS, ${failed} failed`)
  }
})
