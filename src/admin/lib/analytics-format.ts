// The analytics page's figures in the admin's language: months of either
// calendar by name (Jalali months are the admin's own words, as ICU's
// Arabic names of them are garbled), shares as percentages, changes with
// their sign, averages rounded to the currency's unit, compact numbers for
// the charts' axes, and a period as a range of the shop's days. Built on
// useFormat (Persian digits, Toman or Rial as the shop's money_display says).
import { useCallback, useMemo } from "react"
import { AnalyticsCalendar } from "./analytics"
import { plotted, ratioPercent } from "./analytics-numbers"
import { JALALI_MONTH } from "./birthdays"
import { irrUnit, toDisplayAmount, UNIT_KEY, useFormat } from "./format"
import { useLoyaltyTranslation } from "./i18n"
import { useLoyaltySettings } from "./query"

const DAY = 86_400_000

// Intl's formatRange (ES2021; every browser Medusa's admin runs in has it).
type RangeFormat = Intl.DateTimeFormat & { formatRange: (start: Date, end: Date) => string }

/** The shop's IANA time zone if this browser knows it. */
function knownZone(zone: string | undefined) {
  if (!zone) return undefined
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone })
    return zone
  } catch {
    return undefined
  }
}

/** Unicode isolates: a currency code inside a translated sentence stays whole. */
export const isolate = (text: string) => `\u2068${text}\u2069`

export function useAnalyticsFormat() {
  const { t, locale } = useLoyaltyTranslation()
  const { number, money, display } = useFormat()
  const { data: settings } = useLoyaltySettings()
  const timeZone = knownZone(settings?.time_zone)

  const formats = useMemo(() => {
    const gregorianLocale = locale.replace("-u-ca-persian", "-u-ca-gregory")
    const range = (() => {
      const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" }
      try {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone }) as RangeFormat
      } catch {
        return new Intl.DateTimeFormat(locale, options) as RangeFormat
      }
    })()
    return {
      year: new Intl.NumberFormat(locale, { useGrouping: false }),
      gregorianMonth: new Intl.DateTimeFormat(gregorianLocale, {
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }),
      oneDecimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      twoDecimals: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      signed: new Intl.NumberFormat(locale, { signDisplay: "exceptZero", maximumFractionDigits: 1 }),
      compact: new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }),
      range,
    }
  }, [locale, timeZone])

  const percentUnit = t("common.units.percent")

  /** "1405-09" -> "Azar 1405" / "آذر ۱۴۰۵"; "2026-11" -> "Nov 2026". */
  const monthLabel = useCallback(
    (month: string, calendar: AnalyticsCalendar) => {
      const match = /^(\d{4})-(\d{1,2})$/.exec(month)
      if (!match) return month
      const year = Number(match[1])
      const index = Number(match[2])
      if (calendar === "jalali") {
        return `${t(JALALI_MONTH[index - 1] ?? JALALI_MONTH[0])} ${formats.year.format(year)}`
      }
      return formats.gregorianMonth.format(Date.UTC(year, index - 1, 15))
    },
    [formats, t]
  )

  /** A ratio ("0.4286") as a percentage to one decimal: "42.9%". */
  const share = useCallback(
    (ratio: string) =>
      `${formats.oneDecimal.format(ratioPercent(ratio) as unknown as number)}${percentUnit}`,
    [formats, percentUnit]
  )

  /** A decimal figure (a purchase frequency) to two decimals. */
  const decimal = useCallback(
    (value: string | number) => formats.twoDecimals.format(value as unknown as number),
    [formats]
  )

  /** A change in percent, with its sign: "+12.5%". */
  const signedPercent = useCallback(
    (value: number) => `${formats.signed.format(value)}${percentUnit}`,
    [formats, percentUnit]
  )

  /** A change in percentage points, with its sign: "+3.2". */
  const signedPoints = useCallback(
    (value: string) => formats.signed.format(value as unknown as number),
    [formats]
  )

  /**
   * An amount: exact (money()), or with `round` an average rounded to the
   * shop's unit (whole Toman or Rial; a currency's minor units).
   */
  const amount = useCallback(
    (value: string, currency: string, round = false) => {
      if (!round) return money(value, currency)
      const unit = irrUnit(currency, display)
      const shown = toDisplayAmount(value, currency, display)
      if (unit) {
        return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(
          shown as unknown as number
        )} ${t(UNIT_KEY[unit])}`
      }
      try {
        return new Intl.NumberFormat(locale, {
          style: "currency",
          currency: currency.toUpperCase(),
          currencyDisplay: "code",
        }).format(shown as unknown as number)
      } catch {
        return money(value, currency)
      }
    },
    [display, locale, money, t]
  )

  /** The word the charts' amounts are in: Toman, Rial or the currency's code (isolated). */
  const unitWord = useCallback(
    (currency: string) => {
      const unit = irrUnit(currency, display)
      return unit ? t(UNIT_KEY[unit]) : isolate(currency.toUpperCase())
    },
    [display, t]
  )

  /** An amount for a CSV file: exact, in the unit the page shows (IRR in Toman or Rial). */
  const csvAmount = useCallback(
    (value: string, currency: string) => toDisplayAmount(value, currency, display),
    [display]
  )

  /** The unit a CSV file's amounts are in: Toman, Rial or the currency's code. */
  const csvUnit = useCallback(
    (currency: string) => {
      const unit = irrUnit(currency, display)
      return unit ? t(UNIT_KEY[unit]) : currency.toUpperCase()
    },
    [display, t]
  )

  /** An amount as a chart draws it: in the shop's unit (Toman or Rial). */
  const plottedAmount = useCallback(
    (value: string, currency: string) => plotted(toDisplayAmount(value, currency, display)),
    [display]
  )

  /** An axis tick: "1.2M", "۱٫۲ میلیون". */
  const compact = useCallback((value: number) => formats.compact.format(value), [formats])

  /** A period [from, to) as the range of its days: "1 – 30 Aban 1405". */
  const periodRange = useCallback(
    (from: string, to: string) => {
      const start = new Date(from)
      // The last day: half a day before `to`, so a clock change cannot move it.
      const end = new Date(new Date(to).getTime() - DAY / 2)
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return "—"
      return end <= start ? formats.range.format(start) : formats.range.formatRange(start, end)
    },
    [formats]
  )

  return {
    number,
    amount,
    share,
    decimal,
    signedPercent,
    signedPoints,
    monthLabel,
    unitWord,
    csvAmount,
    csvUnit,
    plottedAmount,
    compact,
    periodRange,
    display,
  }
}
