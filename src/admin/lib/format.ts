// Numbers, money and dates as the admin's language writes them: Persian
// digits and the Jalali calendar in Persian, Arabic-Indic digits in
// Arabic; IRR in Toman or Rial as the shop's `money_display` says (as the
// SMS do). Amounts stay decimal strings end to end (Intl formats decimal
// strings exactly), and Toman <-> Rial moves the point, never a float.
import { useCallback, useMemo } from "react"
import { useLoyaltyTranslation } from "./i18n"
import { useLoyaltySettings } from "./query"

export type MoneyDisplay = "toman" | "rial"

/** The words of each unit, as literal keys (the i18n test reads them). */
export const UNIT_KEY = {
  toman: "common.units.toman",
  rial: "common.units.rial",
} as const

/** An exact decimal string times 10^places (places may be negative). */
export function shiftDecimal(value: string, places: number) {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value.trim())
  if (!match) {
    return value
  }
  const [, sign, whole = "", fraction = ""] = match
  let digits = whole + fraction
  let point = whole.length + places
  if (point < 0) {
    digits = "0".repeat(-point) + digits
    point = 0
  }
  if (point > digits.length) {
    digits = digits + "0".repeat(point - digits.length)
  }
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0"
  const fracPart = digits.slice(point).replace(/0+$/, "")
  const result = fracPart ? `${intPart}.${fracPart}` : intPart
  return sign && /[1-9]/.test(result) ? `-${result}` : result
}

/** The unit IRR amounts are typed and read in; null for other currencies. */
export function irrUnit(currency: string | null | undefined, display: MoneyDisplay) {
  return currency?.toLowerCase() === "irr" ? display : null
}

/** An API amount (IRR in Rial) in the unit the shop counts in. */
export function toDisplayAmount(amount: string, currency: string, display: MoneyDisplay) {
  return irrUnit(currency, display) === "toman" ? shiftDecimal(amount, -1) : amount
}

/** An amount typed in the shop's unit, as the API takes it (IRR in Rial). */
export function toApiAmount(amount: string, currency: string, display: MoneyDisplay) {
  return irrUnit(currency, display) === "toman" ? shiftDecimal(amount, 1) : amount
}

/** Decimal places an amount typed in the shop's unit may have. */
export function displayPrecision(currency: string, display: MoneyDisplay) {
  if (irrUnit(currency, display)) {
    return display === "toman" ? 1 : 0
  }
  try {
    return (
      new Intl.NumberFormat("en", {
        style: "currency",
        currency: currency.toUpperCase(),
      }).resolvedOptions().maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

const asNumber = (value: string | number) => value as unknown as number

/** The shop's IANA time zone if this browser knows it; else the browser's. */
function validTimeZone(zone: string | undefined) {
  if (!zone) return undefined
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone })
    return zone
  } catch {
    return undefined
  }
}

/**
 * Formatters in the admin's language: `money("12500000", "irr")` reads
 * "۱٬۲۵۰٬۰۰۰ تومان" in Persian with Toman, `date(iso)` reads "۸ آذر ۱۴۰۵".
 */
export function useFormat() {
  const { t, locale } = useLoyaltyTranslation()
  const { data: settings } = useLoyaltySettings()
  const display: MoneyDisplay = settings?.money_display ?? "toman"

  const number = useCallback(
    (value: string | number) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(
        asNumber(value)
      ),
    [locale]
  )

  const money = useCallback(
    (amount: string, currency: string) => {
      const unit = irrUnit(currency, display)
      if (unit) {
        return `${number(toDisplayAmount(amount, currency, display))} ${t(UNIT_KEY[unit])}`
      }
      try {
        return new Intl.NumberFormat(locale, {
          style: "currency",
          currency: currency.toUpperCase(),
          currencyDisplay: "code",
          maximumFractionDigits: 20,
        }).format(asNumber(amount))
      } catch {
        return `${number(amount)} ${currency.toUpperCase()}`
      }
    },
    [display, locale, number, t]
  )

  // Dates as the shop's clock reads them (a Jalali year starts at Nowruz
  // 00:00 in the shop's time zone, whatever the browser's zone).
  const timeZone = validTimeZone(settings?.time_zone)
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }),
    [locale, timeZone]
  )
  const dateTimeFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
    [locale, timeZone]
  )
  const date = useCallback(
    (value: string | Date | null | undefined) =>
      value ? dateFormat.format(new Date(value)) : "—",
    [dateFormat]
  )
  const dateTime = useCallback(
    (value: string | Date | null | undefined) =>
      value ? dateTimeFormat.format(new Date(value)) : "—",
    [dateTimeFormat]
  )
  const percent = useCallback(
    (value: string | number) => `${number(value)}${t("common.units.percent")}`,
    [number, t]
  )

  return { number, money, date, dateTime, percent, display, displayKnown: !!settings, locale }
}
