import { analyticsRoute } from "../query"

/**
 * Members' all-time revenue on average (lifetime value) by current tier, by
 * channel mix (online only, in store only, both) and by the month they
 * joined (the period's months).
 */
export const GET = analyticsRoute((service, query) => service.analyticsLifetimeValue(query))
