import { analyticsRoute } from "../query"

/**
 * Monthly cohorts by first order month (those starting in the period, at
 * most 24), each with the share that ordered again in each later month up
 * to the period's end.
 */
export const GET = analyticsRoute((service, query) => service.analyticsRetention(query))
