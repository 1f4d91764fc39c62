import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runAutomations } from "../workflows/campaigns"
import { LoyaltyScoreEvents, ScoresRefreshedData } from "../workflows/scores/events"

/**
 * Once the nightly scores are in, every automation that is on runs: RFM
 * segments ("at risk") move only then, so that is when customers enter
 * them. Each run is keyed by the shop day, so a second event that day
 * messages no one twice.
 */
export default async function scoresRefreshedAutomations({ container }: SubscriberArgs<ScoresRefreshedData>) {
  const runs = await runAutomations(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const run of runs) {
    if (run.baseline || run.recipients) {
      logger.info(
        `Loyalty club: automation ${run.id}: ${run.baseline ? "baseline recorded" : `${run.entered} entered, ${run.recipients} recipients, ${run.queued} SMS queued`}`
      )
    }
  }
}

export const config: SubscriberConfig = {
  event: LoyaltyScoreEvents.REFRESHED,
  context: { subscriberId: "loyalty-scores-refreshed-automations" },
}
