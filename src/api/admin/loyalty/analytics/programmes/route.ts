import { analyticsRoute } from "../query"

/**
 * Code batches, occasions and referrals in the period, each with what it
 * cost, the orders it brought and their revenue.
 */
export const GET = analyticsRoute((service, query) => service.analyticsProgrammes(query))
