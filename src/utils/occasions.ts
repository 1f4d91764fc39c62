import {
  getDate as jalaliDayOf,
  getMonth as jalaliMonthOf,
  getYear as jalaliYearOf,
  isLeapYear as isJalaliLeapDate,
  newDate as jalaliDate,
} from "date-fns-jalali"
import { shopDay, shopDayStart } from "./sms-messages"

/**
 * Occasions as pure functions: which day a birthday, an anniversary,
 * Nowruz or Yalda falls on in a year of the Jalali or Gregorian calendar,
 * which customers' dates a shop day celebrates, and the period key that
 * makes an occasion once per customer. No database, no clock.
 *
 * Days are "YYYY-MM-DD" Gregorian calendar days of the shop (`shopDay`);
 * instants appear only where a day meets the time zone (`shopDayStart`).
 * date-fns-jalali builds and reads Dates in the process's own zone, so a
 * day goes in at local noon and is read back by its local parts: the
 * process's zone never shifts it (as in ./jalali.ts).
 *
 * Period keys (the grant's unique key is kind + customer + period):
 * - birthday: the year of that occurrence in the birthday's own calendar
 *   ("1405" for a Jalali birthday, "2026" for a Gregorian one);
 * - nowruz, yalda: the Jalali year ("1405");
 * - membership and first-order anniversaries: which anniversary, "1", "2",
 *   ...: the same whichever calendar the shop counts it in, so a shop that
 *   changes its language (and calendar) gives no anniversary twice;
 * - win_back: the lapse's last order id: each lapse once (as the win-back
 *   message was), a customer who comes back and lapses again is due again;
 * - welcome: "first": once ever.
 */

export const OCCASION_KINDS = [
  "birthday",
  "membership_anniversary",
  "first_order_anniversary",
  "nowruz",
  "yalda",
  "win_back",
  "welcome",
] as const
export type OccasionKind = (typeof OCCASION_KINDS)[number]

export const BIRTHDAY_CALENDARS = ["jalali", "gregorian"] as const
export type BirthdayCalendar = (typeof BIRTHDAY_CALENDARS)[number]

/** The SMS event of each occasion (the welcome after a first order is `first_order`: `welcome` is the kiosk's). */
export const OCCASION_EVENTS = {
  birthday: "birthday",
  membership_anniversary: "membership_anniversary",
  first_order_anniversary: "first_order_anniversary",
  nowruz: "nowruz",
  yalda: "yalda",
  win_back: "win_back",
  welcome: "first_order",
} as const satisfies Record<OccasionKind, string>
export type OccasionEvent = (typeof OCCASION_EVENTS)[OccasionKind]

/** The occasion whose SMS an event is, or null for other messages. */
export function occasionOfEvent(event: string): OccasionKind | null {
  const kind = OCCASION_KINDS.find((k) => OCCASION_EVENTS[k] === event)
  return kind ?? null
}

/** A birthday changed this many days or fewer before its day earns nothing that year. */
export const RECENT_CHANGE_DAYS = 30

/** How many years back anniversaries are looked for. */
export const ANNIVERSARY_YEARS = 100

/** Days a welcome or win-back found late (a run missed, a first order at 23:50) is still given. */
export const CATCH_UP_DAYS = 1

export type DayParts = { year: number; month: number; day: number }

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/** "YYYY-MM-DD" of Gregorian parts (month 1-12). */
export function gregorianDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

function gregorianParts(day: string): DayParts {
  const [year, month, d] = day.split("-").map((x) => parseInt(x, 10))
  return { year, month, day: d }
}

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const { year, month, day: d } = gregorianParts(day)
  return new Date(Date.UTC(year, month - 1, d + n)).toISOString().slice(0, 10)
}

const localNoon = (day: string) => {
  const { year, month, day: d } = gregorianParts(day)
  return new Date(year, month - 1, d, 12)
}

const localDay = (d: Date) => gregorianDay(d.getFullYear(), d.getMonth() + 1, d.getDate())

export function isGregorianLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function isJalaliLeap(year: number): boolean {
  return isJalaliLeapDate(jalaliDate(year, 0, 1, 12))
}

const GREGORIAN_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in a month of a year (month 1-12). */
export function daysInMonth(calendar: BirthdayCalendar, year: number, month: number): number {
  if (calendar === "jalali") {
    return month <= 6 ? 31 : month <= 11 ? 30 : isJalaliLeap(year) ? 30 : 29
  }
  return month === 2 && isGregorianLeap(year) ? 29 : GREGORIAN_DAYS[month - 1]
}

/** The most days a month can have in any year (Esfand 30, 29 February). */
export function maxDaysInMonth(calendar: BirthdayCalendar, month: number): number {
  if (calendar === "jalali") {
    return month <= 6 ? 31 : 30
  }
  return month === 2 ? 29 : GREGORIAN_DAYS[month - 1]
}

/** A day's year, month (1-12) and day in a calendar. */
export function partsOf(day: string, calendar: BirthdayCalendar): DayParts {
  if (calendar === "gregorian") {
    return gregorianParts(day)
  }
  const noon = localNoon(day)
  return { year: jalaliYearOf(noon), month: jalaliMonthOf(noon) + 1, day: jalaliDayOf(noon) }
}

/** The Gregorian day of a date in a calendar; null when the year has no such date. */
export function dayOf(calendar: BirthdayCalendar, year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(calendar, year, month)) {
    return null
  }
  return calendar === "gregorian" ? gregorianDay(year, month, day) : localDay(jalaliDate(year, month - 1, day, 12))
}

export type Birthday = { calendar: BirthdayCalendar; month: number; day: number }

/**
 * What is wrong with a birthday as a shopper or staff typed it, or null.
 * Esfand 30 and 29 February are valid: they exist in leap years.
 */
export function birthdayProblem(input: { calendar?: unknown; month?: unknown; day?: unknown }): string | null {
  const { calendar, month, day } = input
  if (!(BIRTHDAY_CALENDARS as readonly unknown[]).includes(calendar)) {
    return `birthday.calendar must be jalali or gregorian, got ${JSON.stringify(calendar ?? null)}`
  }
  if (typeof month !== "number" || !Number.isInteger(month) || month < 1 || month > 12) {
    return `birthday.month must be a whole number from 1 to 12, got ${JSON.stringify(month ?? null)}`
  }
  const max = maxDaysInMonth(calendar as BirthdayCalendar, month)
  if (typeof day !== "number" || !Number.isInteger(day) || day < 1 || day > max) {
    return `birthday.day must be a whole number from 1 to ${max} for month ${month} of the ${calendar} calendar, got ${JSON.stringify(day ?? null)}`
  }
  return null
}

/**
 * The day a birthday is celebrated in a year of its own calendar: Esfand 30
 * on Esfand 29 in a common Jalali year, 29 February on 28 February in a
 * common Gregorian one.
 */
export function birthdayIn(birthday: Birthday, year: number): string {
  const day = Math.min(birthday.day, daysInMonth(birthday.calendar, year, birthday.month))
  return dayOf(birthday.calendar, year, birthday.month, day)!
}

/**
 * The month-days of a calendar celebrated on `day`, and the year they are
 * celebrated in (the birthday's period): the day's own, plus Esfand 30 on
 * Esfand 29 of a common Jalali year and 29 February on 28 February of a
 * common Gregorian one.
 */
export function celebratedOn(day: string, calendar: BirthdayCalendar): { year: number; dates: { month: number; day: number }[] } {
  const parts = partsOf(day, calendar)
  const dates = [{ month: parts.month, day: parts.day }]
  const lastOfMonth = daysInMonth(calendar, parts.year, parts.month)
  if (parts.day === lastOfMonth && lastOfMonth < maxDaysInMonth(calendar, parts.month)) {
    dates.push({ month: parts.month, day: maxDaysInMonth(calendar, parts.month) })
  }
  return { year: parts.year, dates }
}

/** Nowruz (1 Farvardin) of a Jalali year. */
export function nowruzDay(jalaliYear: number): string {
  return dayOf("jalali", jalaliYear, 1, 1)!
}

/** Yalda (30 Azar, the longest night's eve) of a Jalali year. */
export function yaldaDay(jalaliYear: number): string {
  return dayOf("jalali", jalaliYear, 9, 30)!
}

/** The Jalali year whose Nowruz or Yalda falls on `day`, or null. */
export function jalaliHolidayOn(kind: "nowruz" | "yalda", day: string): string | null {
  const { year, month, day: d } = partsOf(day, "jalali")
  const match = kind === "nowruz" ? month === 1 && d === 1 : month === 9 && d === 30
  return match ? String(year) : null
}

/**
 * The days whose anniversary falls on `day`, each with which anniversary it
 * is (its period), counted in the shop's calendar: the same month and day
 * 1 to `years` years before, and Esfand 30 (29 February) of leap years on
 * Esfand 29 (28 February) of a common one.
 */
export function anniversariesOn(
  day: string,
  calendar: BirthdayCalendar,
  years = ANNIVERSARY_YEARS
): { day: string; years: number }[] {
  const { year, dates } = celebratedOn(day, calendar)
  const out: { day: string; years: number }[] = []
  for (let n = 1; n <= years; n++) {
    for (const date of dates) {
      const original = dayOf(calendar, year - n, date.month, date.day)
      if (original) {
        out.push({ day: original, years: n })
      }
    }
  }
  return out
}

/**
 * From when a birthday's change makes it earn nothing for the occurrence on
 * `day`: the start of the shop day `RECENT_CHANGE_DAYS` before it. A
 * birthday set or moved at or after this instant waits for next year (the
 * usual trick: move it to next week for a second gift).
 */
export function recentChangeCutoff(day: string, timeZone: string): Date {
  return shopDayStart(addDays(day, -RECENT_CHANGE_DAYS), timeZone)
}

/** Whether a birthday changed at `changedAt` earns nothing for its occurrence on `day`. */
export function changedTooRecently(changedAt: Date, day: string, timeZone: string): boolean {
  return changedAt.getTime() >= recentChangeCutoff(day, timeZone).getTime()
}

/** The shop's calendar: Jalali for a Persian shop, else Gregorian. */
export function shopCalendar(defaultLocale: string | null | undefined): BirthdayCalendar {
  return defaultLocale === "fa" ? "jalali" : "gregorian"
}

/**
 * The year `at` falls in on the shop's calendar, and its first and last
 * day plus one ("YYYY-MM-DD"): what "this year" means in the admin's
 * statistics.
 */
export function shopYear(at: Date, timeZone: string, calendar: BirthdayCalendar): { year: string; from: string; to: string } {
  const { year } = partsOf(shopDay(at, timeZone), calendar)
  return { year: String(year), from: dayOf(calendar, year, 1, 1)!, to: dayOf(calendar, year + 1, 1, 1)! }
}
