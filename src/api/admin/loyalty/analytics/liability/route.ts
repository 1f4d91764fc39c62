import { analyticsRoute } from "../query"

/**
 * What the wallets owe now in the currency (available and pending; the sum
 * of the wallets' balances), with the credit that will expire by month of
 * expiry and the credit that never expires. Read live: the period does not
 * change it.
 */
export const GET = analyticsRoute((service, query) =>
  service.analyticsLiability({ currency_code: query.currency_code, calendar: query.calendar, time_zone: query.time_zone })
)
