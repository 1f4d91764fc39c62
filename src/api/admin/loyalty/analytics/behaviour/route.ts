import { analyticsRoute } from "../query"

/**
 * Buying behaviour in the period: repurchase rate, purchase frequency,
 * average order value of members and non-members and by current tier;
 * `previous` for the period before.
 */
export const GET = analyticsRoute((service, query) => service.analyticsBehaviour(query))
