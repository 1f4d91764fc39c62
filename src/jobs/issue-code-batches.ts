import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../modules/loyalty-club"
import LoyaltyClubModuleService from "../modules/loyalty-club/service"
import { issueCodeBatchWorkflow } from "../workflows/codes"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-issue-code-batches",
  // A bulk batch is made by the run its create route starts; this resumes
  // one whose run stopped (a restart, a crash) within a minute.
  schedule: "* * * * *",
}

// A batch with progress in the last half minute has a run at work.
const IDLE_SECONDS = 30

export default loyaltyJob(config, async (container) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const stalled = await service.listStalledCodeBatches({ idle_seconds: IDLE_SECONDS })
  for (const batchId of stalled) {
    try {
      const { result } = await issueCodeBatchWorkflow(container).run({ input: { batch_id: batchId } })
      logger.info(`Loyalty club: code batch ${batchId} resumed, ${result.issued} of ${result.quantity} codes issued`)
    } catch (error: any) {
      logger.error(`Loyalty club: code batch ${batchId} could not be made: ${error?.message}`)
    }
  }
})
