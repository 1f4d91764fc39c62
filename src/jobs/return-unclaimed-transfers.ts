import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { returnUnclaimedTransfersWorkflow } from "../workflows/transfers"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-return-unclaimed-transfers",
  // A transfer's claim window closes at any minute; a quarter of an hour is
  // how long its credit may stay away from the sender after it closed.
  schedule: "*/15 * * * *",
}

// Transfers returned per workflow run.
const PAGE = 200

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const at = new Date()
  let returned = 0
  for (;;) {
    const { result } = await returnUnclaimedTransfersWorkflow(container).run({ input: { at, limit: PAGE } })
    returned += result.returned.length
    // A page that returned nothing (all claimed meanwhile, or taken by an
    // overlapping run) or was not full ends the run.
    if (result.due < PAGE || !result.returned.length) {
      break
    }
  }
  if (returned) {
    logger.info(`Loyalty club: returned ${returned} unclaimed credit transfers to their senders`)
  }
})
