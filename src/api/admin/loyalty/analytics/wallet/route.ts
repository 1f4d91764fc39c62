import { analyticsRoute } from "../query"

/**
 * The wallet in the period: cashback issued, released, redeemed, expired and
 * taken back, the redemption rate, member revenue and cashback's cost as a
 * share of it; `previous` for the period before.
 */
export const GET = analyticsRoute((service, query) => service.analyticsWallet(query))
