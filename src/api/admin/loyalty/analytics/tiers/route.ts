import { analyticsRoute } from "../query"

/**
 * Members per tier at each month's end of the period, with the month's
 * upgrades and downgrades.
 */
export const GET = analyticsRoute((service, query) => service.analyticsTiers(query))
