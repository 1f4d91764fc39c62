import { getYear as jalaliYearOf, newDate as jalaliDate } from "date-fns-jalali"
import { shopDay, shopDayStart } from "./sms-messages"

/**
 * The Jalali (Solar Hijri) year in the shop's time zone, as pure functions.
 * date-fns-jalali does the calendar arithmetic (which Gregorian day is 1
 * Farvardin); Intl turns a shop's wall-clock midnight into the instant
 * (`shopDayStart`). date-fns-jalali reads and builds Dates in the process's
 * own time zone, so a calendar day is handed over at local noon and read
 * back by its local parts: the process's zone then never shifts the day.
 */

/** "YYYY-MM-DD" of a local Date's calendar day. */
const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`

/** The Jalali year the instant falls in, on the shop's calendar. */
export function jalaliYearAt(at: Date, timeZone: string): number {
  const [y, m, d] = shopDay(at, timeZone).split("-").map((x) => parseInt(x, 10))
  return jalaliYearOf(new Date(y, m - 1, d, 12))
}

/** Nowruz of a Jalali year (1 Farvardin, 00:00 in the time zone) as an instant. */
export function nowruz(jalaliYear: number, timeZone: string): Date {
  return shopDayStart(localDay(jalaliDate(jalaliYear, 0, 1, 12)), timeZone)
}

/** The start of the Jalali year `at` falls in (its Nowruz) and of the next one. */
export function jalaliYearBounds(at: Date, timeZone: string): { start: Date; end: Date } {
  const year = jalaliYearAt(at, timeZone)
  return { start: nowruz(year, timeZone), end: nowruz(year + 1, timeZone) }
}
