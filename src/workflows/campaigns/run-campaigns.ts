import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { runAutomationWorkflow } from "./workflows/run-automation"
import { queueCampaignWorkflow } from "./workflows/send-campaign"

/** A campaign queuing this long ago and not finished was left by a worker that died. */
export const CAMPAIGN_QUEUING_STALE_MS = 15 * 60 * 1000

/**
 * The minute's work on campaigns: each scheduled campaign whose time has
 * come is queued, a queue a dead worker left is taken again (its
 * recipients, gifts and messages are keyed, so the second run finishes the
 * first's work without repeating it), and campaigns with nothing left to
 * send are marked `done`. Two runs at once queue each campaign once (the
 * conditional move). Returns the campaigns queued and finished.
 *
 * @example
 * const { queued, finished } = await sendDueCampaigns(container)
 */
export async function sendDueCampaigns(
  container: MedusaContainer,
  options: { at?: Date | string } = {}
): Promise<{ queued: string[]; finished: string[] }> {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const at = options.at ? new Date(options.at) : new Date()
  const staleBefore = new Date(Date.now() - CAMPAIGN_QUEUING_STALE_MS)
  const queued: string[] = []
  for (const id of await service.listDueCampaigns(at, staleBefore)) {
    try {
      const { result } = await queueCampaignWorkflow(container).run({
        input: { id, at, job: { stale_before: staleBefore } },
      })
      if (result.campaign) {
        queued.push(id)
      }
    } catch (error) {
      // One campaign's failure (undone by its workflow) does not hold up the others.
      logger.error(`Loyalty club: campaign ${id} could not be queued: ${(error as Error).message}`)
    }
  }
  const finished = await service.finishSentCampaigns()
  return { queued, finished }
}

/**
 * Runs every automation that is on (after the nightly scores, whose
 * segments they watch). Returns each one's figures.
 *
 * @example
 * const runs = await runAutomations(container)
 */
export async function runAutomations(
  container: MedusaContainer,
  options: { at?: Date | string } = {}
): Promise<{ id: string; baseline: boolean; entered: number; recipients: number; queued: number }[]> {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const runs: { id: string; baseline: boolean; entered: number; recipients: number; queued: number }[] = []
  for (const id of await service.listActiveAutomations()) {
    try {
      const { result } = await runAutomationWorkflow(container).run({ input: { campaign_id: id, at: options.at } })
      runs.push({ id, ...result })
    } catch (error) {
      logger.error(`Loyalty club: automation ${id} did not run: ${(error as Error).message}`)
    }
  }
  return runs
}
