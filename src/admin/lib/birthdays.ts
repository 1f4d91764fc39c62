// A birthday's month and day in the calendar the shopper gave it: the month
// names in the admin's language and the days each month may have.
import { useCallback } from "react"
import { BirthdayCalendar } from "./occasions"
import { INTL_LOCALE, useLoyaltyTranslation } from "./i18n"

export const BIRTHDAY_CALENDARS: BirthdayCalendar[] = ["jalali", "gregorian"]

export const CALENDAR_LABEL = {
  jalali: "occasions.birthday.calendars.jalali",
  gregorian: "occasions.birthday.calendars.gregorian",
} as const satisfies Record<BirthdayCalendar, string>

// ICU's Arabic names of the Jalali months are garbled ("فرفردن"), so the
// Jalali months are the admin's own words in every language.
export const JALALI_MONTH = [
  "occasions.birthday.jalaliMonths.farvardin",
  "occasions.birthday.jalaliMonths.ordibehesht",
  "occasions.birthday.jalaliMonths.khordad",
  "occasions.birthday.jalaliMonths.tir",
  "occasions.birthday.jalaliMonths.mordad",
  "occasions.birthday.jalaliMonths.shahrivar",
  "occasions.birthday.jalaliMonths.mehr",
  "occasions.birthday.jalaliMonths.aban",
  "occasions.birthday.jalaliMonths.azar",
  "occasions.birthday.jalaliMonths.dey",
  "occasions.birthday.jalaliMonths.bahman",
  "occasions.birthday.jalaliMonths.esfand",
] as const

/**
 * The most days a month has: Esfand 30 and 29 February exist in leap years
 * (the server celebrates them a day early in common years).
 */
export function daysInMonth(calendar: BirthdayCalendar, month: number) {
  if (calendar === "jalali") {
    return month <= 6 ? 31 : 30
  }
  return [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31
}

/** Month names of either calendar, and a birthday as words ("15 Mehr"). */
export function useBirthdayWords() {
  const { t, language } = useLoyaltyTranslation()
  const monthName = useCallback(
    (calendar: BirthdayCalendar, month: number) => {
      if (calendar === "jalali") {
        return t(JALALI_MONTH[month - 1] ?? JALALI_MONTH[0])
      }
      const locale = INTL_LOCALE[language].replace("-u-ca-persian", "-u-ca-gregory")
      return new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
        Date.UTC(2024, month - 1, 15)
      )
    },
    [language, t]
  )
  const dayNumber = useCallback(
    (day: number) => new Intl.NumberFormat(INTL_LOCALE[language]).format(day),
    [language]
  )
  const birthdayText = useCallback(
    (calendar: BirthdayCalendar, month: number, day: number) =>
      t("occasions.birthday.date", { day: dayNumber(day), month: monthName(calendar, month) }),
    [dayNumber, monthName, t]
  )
  return { monthName, dayNumber, birthdayText }
}
