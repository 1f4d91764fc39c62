import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { FeedbackStatsOptions } from "../../../../../modules/loyalty-club/services/feedback"
import { AdminGetFeedbackStatsParamsType } from "../validators"

/**
 * The answers' count, average rating and NPS-style shares (promoters rate
 * 5, detractors 1 to 3; shares in percent, `score` = promoters less
 * detractors), in all and per `interval`, each period from midnight in the
 * shop's time zone to the next period's start (`period_end`); same filters
 * as the list. `calendar=gregorian` counts weeks from Monday and calendar
 * months, `calendar=persian` weeks from Saturday and Jalali months; left
 * out, a shop whose default language is Persian gets the Persian calendar.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetFeedbackStatsParamsType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const q = req.validatedQuery as AdminGetFeedbackStatsParamsType
  const settings = await service.retrieveSettings()
  const options: FeedbackStatsOptions = {
    interval: q.interval,
    calendar: q.calendar ?? (settings.default_locale === "fa" ? "persian" : "gregorian"),
    time_zone: settings.time_zone,
    low_rating: settings.feedback_low_rating,
  }
  const stats = await service.feedbackStats(
    { channel: q.channel, location: q.location, from: q.from, to: q.to },
    options
  )
  res.json({
    interval: q.interval,
    calendar: options.calendar,
    time_zone: settings.time_zone,
    summary: stats.summary,
    series: stats.series,
  })
}
