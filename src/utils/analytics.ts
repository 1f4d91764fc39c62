import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import {
  getDaysInMonth as jalaliDaysInMonth,
  getMonth as jalaliMonthOf,
  getYear as jalaliYearOf,
  newDate as jalaliDate,
} from "date-fns-jalali"
import { roundToCurrency } from "./money"
import { shopDay, shopDayStart } from "./sms-messages"

/**
 * The Loyalty analytics page's pure parts: which shop days and calendar
 * months a period covers, the rows of the rollups' calendar table, the
 * previous period, and how ratios and averages are written.
 *
 * Days are "YYYY-MM-DD" Gregorian civil dates (the shop's days, in its time
 * zone); months are labelled in their calendar ("1405-09" is Azar 1405,
 * "2026-11" November 2026), and a month's `start` is its first day's
 * midnight in the shop's time zone. date-fns-jalali reads and builds Dates
 * in the process's own time zone, so a day is handed over at local noon
 * and read back by its local parts (as in jalali.ts).
 */

export type AnalyticsCalendar = "jalali" | "gregorian"

/** What every figure of the analytics facade reads. */
export type AnalyticsQuery = {
  /** The period, `to` exclusive. */
  from: Date
  to: Date
  /** Only orders and wallets in this currency count (lower case). */
  currency_code: string
  /** The calendar of months (cohorts, series, the expiry forecast). */
  calendar: AnalyticsCalendar
  /** The shop's time zone: where its days and months start. */
  time_zone: string
}

const DAY_MS = 86400000
const pad = (n: number, width = 2) => String(n).padStart(width, "0")

const dayParts = (day: string) => day.split("-").map((x) => parseInt(x, 10))

/** The civil day `days` after `day` ("YYYY-MM-DD"). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = dayParts(day)
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The month label ("YYYY-MM") a civil day falls in, in the calendar. */
export function monthOfDay(day: string, calendar: AnalyticsCalendar): string {
  if (calendar === "gregorian") {
    return day.slice(0, 7)
  }
  const [y, m, d] = dayParts(day)
  const local = new Date(y, m - 1, d, 12)
  return `${pad(jalaliYearOf(local), 4)}-${pad(jalaliMonthOf(local) + 1)}`
}

const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

/** The Gregorian civil day a month label starts on. */
export function monthFirstDay(month: string, calendar: AnalyticsCalendar): string {
  const [y, m] = dayParts(month)
  if (calendar === "gregorian") {
    return `${pad(y, 4)}-${pad(m)}-01`
  }
  return localDay(jalaliDate(y, m - 1, 1, 12))
}

/** The label of the month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = dayParts(month)
  const index = y * 12 + (m - 1) + n
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`
}

/** The number of days of a month in its calendar (Esfand: 29, or 30 in a leap year). */
export function daysInMonth(month: string, calendar: AnalyticsCalendar): number {
  const [y, m] = dayParts(month)
  if (calendar === "gregorian") {
    return new Date(Date.UTC(y, m, 0)).getUTCDate()
  }
  return jalaliDaysInMonth(jalaliDate(y, m - 1, 1, 12))
}

/**
 * The shop days a period covers: every day it touches, `first_day` to
 * `end_day` exclusive. The daily rollups count whole days, so a bound in
 * the middle of a day takes in that whole day.
 */
export function periodDays(from: Date, to: Date, timeZone: string): { first_day: string; end_day: string } {
  const first = shopDay(from, timeZone)
  const last = shopDay(new Date(Math.max(to.getTime() - 1, from.getTime())), timeZone)
  return { first_day: first, end_day: addDays(last, 1) }
}

/** The period just before [from, to), as long. */
export function previousPeriod(from: Date, to: Date): { from: Date; to: Date } {
  return { from: new Date(from.getTime() - (to.getTime() - from.getTime())), to: new Date(from.getTime()) }
}

/** One calendar month of a period, clipped to the period's days. */
export type MonthBucket = {
  /** "1405-09" / "2026-11" */
  month: string
  /** The month's first instant in the shop's time zone. */
  start: Date
  /** The month's first day and the next month's (exclusive), whole. */
  first_day: string
  next_day: string
  /** The days of the month inside the period: [from_day, to_day). */
  from_day: string
  to_day: string
  /** Whether the period covers the whole month. */
  full: boolean
}

/** The calendar months a period touches, in order, each clipped to the period's days. */
export function monthBuckets(
  from: Date,
  to: Date,
  calendar: AnalyticsCalendar,
  timeZone: string
): MonthBucket[] {
  const { first_day, end_day } = periodDays(from, to, timeZone)
  const buckets: MonthBucket[] = []
  let month = monthOfDay(first_day, calendar)
  for (;;) {
    const firstDay = monthFirstDay(month, calendar)
    if (firstDay >= end_day) {
      return buckets
    }
    const nextDay = monthFirstDay(addMonths(month, 1), calendar)
    const fromDay = firstDay > first_day ? firstDay : first_day
    const toDay = nextDay < end_day ? nextDay : end_day
    buckets.push({
      month,
      start: shopDayStart(firstDay, timeZone),
      first_day: firstDay,
      next_day: nextDay,
      from_day: fromDay,
      to_day: toDay,
      full: fromDay === firstDay && toDay === nextDay,
    })
    month = addMonths(month, 1)
  }
}

/** A row of the rollups' calendar table: a day and its month in both calendars. */
export type CalendarRow = { day: string; g_month: string; j_month: string }

/**
 * The calendar table's rows from `firstDay` to `endDay` (exclusive): each
 * Jalali month's days are filled from its first day and length, so the
 * Jalali conversion runs once a month, not once a day.
 */
export function calendarRows(firstDay: string, endDay: string): CalendarRow[] {
  const rows: CalendarRow[] = []
  let month = monthOfDay(firstDay, "jalali")
  let day = firstDay
  while (day < endDay) {
    const next = monthFirstDay(addMonths(month, 1), "jalali")
    while (day < next && day < endDay) {
      rows.push({ day, g_month: day.slice(0, 7), j_month: month })
      day = addDays(day, 1)
    }
    month = addMonths(month, 1)
  }
  return rows
}

/** The number of decimals every ratio is written with. */
export const RATIO_DECIMALS = 4

/**
 * `part / whole` as a decimal string with four decimals ("0.4286"),
 * rounded half up once; "0.0000" when there is no whole (nothing to
 * divide by means no share, not an error).
 */
export function ratio(part: BigNumberInput, whole: BigNumberInput): string {
  if (MathBN.eq(whole, 0)) {
    return (0).toFixed(RATIO_DECIMALS)
  }
  return MathBN.div(part, whole).toFixed(RATIO_DECIMALS, BigNumberJS.ROUND_HALF_UP)
}

/**
 * An amount per unit (an average order value, a lifetime value): `amount /
 * count` rounded half up, once, to the currency's precision; "0" for no
 * units.
 */
export function average(amount: BigNumberInput, count: BigNumberInput, currencyCode: string): string {
  if (MathBN.eq(count, 0)) {
    return "0"
  }
  return roundToCurrency(MathBN.div(amount, count), currencyCode, "half_up").toFixed()
}

/** An exact decimal string of a sum read from SQL (null: nothing summed, 0). */
export function amountOf(value: unknown): string {
  return value === null || value === undefined ? "0" : MathBN.convert(value as BigNumberInput).toFixed()
}
