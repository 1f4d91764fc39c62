import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"

// A customer answers once per order; their card shows the latest ones.
const MAX_ROWS = 200

/** A customer's answers, newest first (up to 200), with their count and average rating. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const settings = await service.retrieveSettings()
  const [{ rows }, stats] = await Promise.all([
    service.listFeedbackRows({ customer_id: req.params.id }, { skip: 0, take: MAX_ROWS }),
    service.feedbackStats(
      { customer_id: req.params.id },
      { interval: "month", time_zone: settings.time_zone, low_rating: settings.feedback_low_rating }
    ),
  ])
  res.json({ feedback: rows, summary: { count: stats.summary.count, average: stats.summary.average } })
}
