import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import { AdminAnalyticsFreshnessParams, AdminAnalyticsParams, AdminRefreshAnalytics } from "./validators"

const FIGURES = [
  "members",
  "behaviour",
  "wallet",
  "liability",
  "retention",
  "lifetime-value",
  "omnichannel",
  "tiers",
  "programmes",
]

// Admin routes are behind Medusa's admin authentication; these check the
// queries: a malformed one (an unknown key, a currency that is not three
// letters, an unknown calendar) is a 400 loyalty_invalid_request, a bad
// `from` or `to` a 400 loyalty_analytics_period_invalid naming it.
export const adminAnalyticsRoutesMiddlewares: MiddlewareRoute[] = [
  ...FIGURES.map(
    (figure): MiddlewareRoute => ({
      method: ["GET"],
      matcher: `/admin/loyalty/analytics/${figure}`,
      middlewares: [validateQuery(AdminAnalyticsParams, { defaults: [], isList: false })],
    })
  ),
  {
    method: ["GET"],
    matcher: "/admin/loyalty/analytics/freshness",
    middlewares: [validateQuery(AdminAnalyticsFreshnessParams, { defaults: [], isList: false })],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/analytics/refresh",
    middlewares: [validateBody(AdminRefreshAnalytics)],
  },
]
