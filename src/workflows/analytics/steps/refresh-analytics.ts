import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const refreshAnalyticsStepId = "loyalty-refresh-analytics"

export type RefreshAnalyticsInput = {
  /** The shop's time zone (its days and months); default: the settings'. */
  time_zone?: string
  /** When the rollup is said to be built (tests); default: now. */
  now?: Date | string
}

/**
 * Rebuilds the analytics rollups whole, in one transaction (a rebuild
 * already running is waited for and its result answered). Nothing to
 * undo: the rollups are caches the next rebuild replaces.
 */
export const refreshAnalyticsStep = createStep(
  refreshAnalyticsStepId,
  async (input: RefreshAnalyticsInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const timeZone = input.time_zone ?? (await service.retrieveSettings()).time_zone
    const result = await service.refreshAnalytics({
      time_zone: timeZone,
      now: input.now ? new Date(input.now) : undefined,
    })
    return new StepResponse(result)
  }
)
