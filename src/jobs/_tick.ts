import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

// (The leading underscore keeps Medusa's job loader from taking this file
// for a job.)

export type LoyaltyJobConfig = { name: string; schedule: string }

/**
 * A loyalty job's handler that first logs one line per run,
 * `[loyalty-job] <name> tick <minute>`, the minute being the one the run
 * was queued in (Medusa's `scheduledFor` is the scheduler job's timestamp:
 * a repeating job queues its next run when the previous one starts, so a
 * per-minute job's 20:13 run reads 20:12). It names the run, not the
 * wall clock: a run handled twice (after a worker died holding it) logs the
 * same minute twice. With the Redis workflow engine a tick runs on one
 * instance of the cluster: counting these lines across the processes' logs
 * shows each tick ran once.
 */
export function loyaltyJob(
  config: LoyaltyJobConfig,
  run: (container: MedusaContainer) => Promise<void>
) {
  return async (container: MedusaContainer, context?: { scheduledFor?: Date }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const minute = new Date(context?.scheduledFor ?? Date.now())
    minute.setUTCSeconds(0, 0)
    logger.info(`[loyalty-job] ${config.name} tick ${minute.toISOString().slice(0, 16)}Z`)
    await run(container)
  }
}
