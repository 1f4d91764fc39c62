import { analyticsRoute } from "../query"

/**
 * Members in the period: all members (a wallet or a proven phone), new
 * (joined in it), active (with an order in it), orders and the share placed
 * by members; `previous` for the period before.
 */
export const GET = analyticsRoute((service, query) => service.analyticsMembers(query))
