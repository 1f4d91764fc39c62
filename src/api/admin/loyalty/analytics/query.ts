import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { AnalyticsQuery, previousPeriod } from "../../../../utils/analytics"
import { loyaltyError, LoyaltyErrorCode } from "../../../../utils/error-codes"
import { shopCalendar } from "../../../../utils/occasions"
import { addShopDays, shopDayStart } from "../../../../utils/sms-messages"
import { AdminAnalyticsParamsType, PeriodBound, periodError } from "./validators"

/** The period an answer covers and the one it is compared with (ISO instants, `to` exclusive). */
export type AnalyticsPeriod = { from: string; to: string; previous_from: string; previous_to: string }

/** The default period: this many shop days, today included. */
export const DEFAULT_PERIOD_DAYS = 30
/** The longest period, in years. */
export const MAX_PERIOD_YEARS = 3

type Service = LoyaltyClubModuleService

const instant = (bound: PeriodBound, timeZone: string) => ("at" in bound ? bound.at : shopDayStart(bound.day, timeZone))

const show = (bound: PeriodBound) => ("at" in bound ? bound.at.toISOString() : bound.day)

/**
 * The store's currencies, the default first: an analytics currency must be
 * one of them (the figures count only orders and wallets in it).
 */
async function storeCurrencies(container: MedusaContainer): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "store",
    fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const currencies = ((data[0] as any)?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
  return [...currencies]
    .sort((a, b) => Number(!!b.is_default) - Number(!!a.is_default))
    .map((c) => String(c.currency_code).toLowerCase())
}

/**
 * Turns a figure route's query into the facade's `AnalyticsQuery` and the
 * `period` block of its answer. Defaults: the last 30 shop days ending now
 * (only `to` given: the 30 shop days before it; only `from`: up to now),
 * the store's default currency, Jalali months in a Persian shop (settings
 * `default_locale` "fa") else Gregorian, the shop's time zone. A shop day
 * as a bound ("2026-10-01") is that day's start in the shop's zone. `from`
 * must come before `to`, at most three years before; else a 400
 * loyalty_analytics_period_invalid naming them. A currency the store does
 * not sell in is a 400 loyalty_currency_unknown.
 */
export async function analyticsQuery(
  container: MedusaContainer,
  params: AdminAnalyticsParamsType,
  now = new Date()
): Promise<{ query: AnalyticsQuery; period: AnalyticsPeriod }> {
  const service: Service = container.resolve(LOYALTY_CLUB_MODULE)
  const [settings, currencies] = await Promise.all([service.retrieveSettings(), storeCurrencies(container)])
  const timeZone = settings.time_zone

  const currency = params.currency?.toLowerCase() ?? currencies[0]
  if (!currency || !currencies.includes(currency)) {
    throw loyaltyError(
      MedusaError.Types.INVALID_DATA,
      currencies.length
        ? `currency (${params.currency}) is not a currency of this store (${currencies.join(", ")})`
        : "The store has no currency: add one in the store's settings",
      LoyaltyErrorCode.CURRENCY_UNKNOWN
    )
  }

  const to = params.to ? instant(params.to, timeZone) : now
  const from = params.from
    ? instant(params.from, timeZone)
    : shopDayStart(addShopDays(to, -(DEFAULT_PERIOD_DAYS - 1), timeZone), timeZone)
  if (from.getTime() >= to.getTime()) {
    throw periodError(
      params.from && params.to
        ? `from (${show(params.from)}) must be before to (${show(params.to)})`
        : params.from
          ? `from (${show(params.from)}) must be before to (now, ${to.toISOString()}) or give a later to`
          : `to (${show(params.to!)}) must be after from (${from.toISOString()})`
    )
  }
  const longest = new Date(from.getTime())
  longest.setUTCFullYear(longest.getUTCFullYear() + MAX_PERIOD_YEARS)
  if (to.getTime() > longest.getTime()) {
    throw periodError(
      `The period from ${from.toISOString()} to ${to.toISOString()} is longer than ${MAX_PERIOD_YEARS} years: bring from and to closer`
    )
  }

  const previous = previousPeriod(from, to)
  return {
    query: {
      from,
      to,
      currency_code: currency,
      calendar: params.calendar ?? shopCalendar(settings.default_locale),
      time_zone: timeZone,
    },
    period: {
      from: from.toISOString(),
      to: to.toISOString(),
      previous_from: previous.from.toISOString(),
      previous_to: previous.to.toISOString(),
    },
  }
}

/**
 * A figure route: reads the query, asks the facade for the figures, and
 * answers them with the period, currency, calendar and how fresh the
 * rollups are (`{ ...figures, period, currency_code, calendar, freshness }`).
 */
export function analyticsRoute<T extends object>(read: (service: Service, query: AnalyticsQuery) => Promise<T>) {
  return async (req: AuthenticatedMedusaRequest<unknown, AdminAnalyticsParamsType>, res: MedusaResponse) => {
    const service: Service = req.scope.resolve(LOYALTY_CLUB_MODULE)
    const { query, period } = await analyticsQuery(req.scope, req.validatedQuery)
    const [figures, freshness] = await Promise.all([read(service, query), service.analyticsFreshness()])
    res.json({ ...figures, period, currency_code: query.currency_code, calendar: query.calendar, freshness })
  }
}
