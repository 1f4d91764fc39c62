import { analyticsRoute } from "../query"

/**
 * Per month of the period, customers who ordered online only, in store only
 * or both; in-store orders and revenue by till location in the period.
 */
export const GET = analyticsRoute((service, query) => service.analyticsOmnichannel(query))
