// The analytics page's periods on the shop's calendar: today as the shop's
// clock reads it, the start of its month and year in the Jalali or the
// Gregorian calendar, the presets (this month, last month, the last 30 or
// 90 days, this year) as picked days, and picked days as the instants the
// API takes. A calendar day travels as a local Date at noon (as Medusa's
// date picker hands days over), so neither the browser's time zone nor a
// clock change moves it; Intl does the calendar arithmetic.
import { AnalyticsCalendar } from "./analytics"
import { shopDayStart } from "./feedback"

export type PeriodPreset = "this_month" | "last_month" | "last_30" | "last_90" | "this_year" | "custom"

export const PERIOD_PRESETS: PeriodPreset[] = [
  "this_month",
  "last_month",
  "last_30",
  "last_90",
  "this_year",
  "custom",
]

/** A period as picked days, both included. */
export type PickedDays = { first: Date; last: Date }

const noon = (y: number, m: number, d: number) => new Date(y, m, d, 12)

export const addDays = (day: Date, days: number) =>
  noon(day.getFullYear(), day.getMonth(), day.getDate() + days)

/** Today on the shop's clock (its time zone; the browser's without one). */
export function shopToday(timeZone: string | undefined, now = new Date()): Date {
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
      })
        .formatToParts(now)
        .map((p) => [p.type, Number(p.value)])
    )
    return noon(parts.year, parts.month - 1, parts.day)
  } catch {
    return noon(now.getFullYear(), now.getMonth(), now.getDate())
  }
}

const partsFormat = {
  jalali: new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", { month: "numeric", day: "numeric" }),
  gregorian: new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", { month: "numeric", day: "numeric" }),
}

/** A day's month (1-12) and day of the month in the calendar. */
function monthAndDay(day: Date, calendar: AnalyticsCalendar) {
  const parts = Object.fromEntries(
    partsFormat[calendar].formatToParts(day).map((p) => [p.type, Number(p.value)])
  )
  return { month: parts.month as number, day: parts.day as number }
}

/** The first day of the day's month in the calendar. */
export function monthStart(day: Date, calendar: AnalyticsCalendar) {
  return addDays(day, 1 - monthAndDay(day, calendar).day)
}

/** The first day of the day's year in the calendar (1 Farvardin, 1 January). */
export function yearStart(day: Date, calendar: AnalyticsCalendar) {
  let start = monthStart(day, calendar)
  for (let i = 0; i < 12 && monthAndDay(start, calendar).month !== 1; i++) {
    start = monthStart(addDays(start, -1), calendar)
  }
  return start
}

/** A preset's days up to today (last month: the whole of it). */
export function presetDays(
  preset: Exclude<PeriodPreset, "custom">,
  today: Date,
  calendar: AnalyticsCalendar
): PickedDays {
  switch (preset) {
    case "this_month":
      return { first: monthStart(today, calendar), last: today }
    case "last_month": {
      const last = addDays(monthStart(today, calendar), -1)
      return { first: monthStart(last, calendar), last }
    }
    case "last_30":
      return { first: addDays(today, -29), last: today }
    case "last_90":
      return { first: addDays(today, -89), last: today }
    case "this_year":
      return { first: yearStart(today, calendar), last: today }
  }
}

/** Picked days as the API's instants: the first moment of the first day to that of the day after the last. */
export function periodInstants({ first, last }: PickedDays, timeZone: string | undefined) {
  return {
    from: shopDayStart(first, timeZone).toISOString(),
    to: shopDayStart(last, timeZone, 1).toISOString(),
  }
}

/** The API's longest period: three years (a day of slack for leap days). */
export const MAX_PERIOD_DAYS = 3 * 366

/** Days from the first to the last, both included. */
export function daysBetween({ first, last }: PickedDays) {
  return Math.round((noon(last.getFullYear(), last.getMonth(), last.getDate()).getTime() -
    noon(first.getFullYear(), first.getMonth(), first.getDate()).getTime()) / 86_400_000) + 1
}
