import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { AdminGetFeedbackStatsParamsType } from "../validators"

// The NPS-style score: promoters' share less detractors' (percent points).
const score = (row: { promoters_share: number | null; detractors_share: number | null }) =>
  row.promoters_share === null || row.detractors_share === null
    ? null
    : Math.round((row.promoters_share - row.detractors_share) * 10) / 10

/**
 * The answers' count, average rating and NPS-style shares (promoters rate
 * 5, detractors 1 to 3; shares in percent, `score` = promoters less
 * detractors), in all and per `interval` (`week` from Monday, or `month`)
 * starting at midnight in the shop's time zone; same filters as the list.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetFeedbackStatsParamsType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const q = req.validatedQuery as AdminGetFeedbackStatsParamsType
  const settings = await service.retrieveSettings()
  const stats = await service.feedbackStats(
    { channel: q.channel, location: q.location, from: q.from, to: q.to },
    { interval: q.interval, time_zone: settings.time_zone, low_rating: settings.feedback_low_rating }
  )
  res.json({
    interval: q.interval,
    time_zone: settings.time_zone,
    summary: { ...stats.summary, score: score(stats.summary) },
    series: stats.series.map((s) => ({ ...s, score: score(s) })),
  })
}
