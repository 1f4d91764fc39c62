// Pure formatting: digits, money and dates for Persian and English. No
// dependency: Intl does the grouping, the digits and the Jalali calendar
// (the `persian` calendar of every current browser and of Node 18+).

export type Locale = "fa" | "en"

/** How IRR amounts are shown: in Toman (a tenth of a Rial, as shops price) or in Rial. */
export type MoneyDisplay = "toman" | "rial"

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

/** Latin digits to Persian ones (other characters stay). */
export function toPersianDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)])
}

/** Persian and Arabic-Indic digits to Latin ones, so typed numbers can be read. */
export function toLatinDigits(text: string): string {
  return text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
}

/** Writes digits the way the language does. */
export function localDigits(text: string, locale: Locale): string {
  return locale === "fa" ? toPersianDigits(text) : text
}

const DECIMAL = /^-?\d+(\.\d+)?$/

/**
 * Divides an exact decimal string by 10 without going through a float:
 * `"1234565"` Rial is `"123456.5"` Toman.
 */
export function rialToToman(amount: string): string {
  if (!DECIMAL.test(amount)) {
    throw new Error(`Not a decimal amount: ${amount}`)
  }
  const negative = amount.startsWith("-")
  const [whole, fraction = ""] = (negative ? amount.slice(1) : amount).split(".")
  const padded = whole.padStart(2, "0")
  const head = padded.slice(0, -1).replace(/^0+(?=\d)/, "")
  const tail = (padded.slice(-1) + fraction).replace(/0+$/, "")
  const out = tail ? `${head}.${tail}` : head
  return negative && out !== "0" ? `-${out}` : out
}

/**
 * Groups the whole part of an exact decimal string in threes (`٬` in
 * Persian, `,` in English) and writes the language's digits. The fraction is
 * kept as given: amounts are shown exactly, never rounded here.
 */
export function groupDigits(amount: string, locale: Locale): string {
  const negative = amount.startsWith("-")
  const [whole, fraction] = (negative ? amount.slice(1) : amount).split(".")
  const separator = locale === "fa" ? "٬" : ","
  const decimalMark = locale === "fa" ? "٫" : "."
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
  const text = fraction ? `${grouped}${decimalMark}${fraction}` : grouped
  const sign = negative ? (locale === "fa" ? "\u2212" : "-") : ""
  return sign + localDigits(text, locale)
}

const CURRENCY_DECIMALS: Record<string, number> = { irr: 0, irt: 0, jpy: 0, krw: 0, usd: 2, eur: 2, gbp: 2, aed: 2, try: 2 }

/** Pads a decimal string's fraction to the currency's precision (USD `"12.5"` -> `"12.50"`). */
function toPrecision(amount: string, currency: string): string {
  const digits = CURRENCY_DECIMALS[currency] ?? 2
  const [whole, fraction = ""] = amount.split(".")
  if (digits === 0) {
    return fraction.replace(/0+$/, "") ? amount : whole
  }
  return `${whole}.${fraction.padEnd(digits, "0")}`
}

export type FormatMoneyOptions = {
  locale: Locale
  /** IRR only: Toman (the default, as Iranian shops price) or Rial. */
  display?: MoneyDisplay
}

/**
 * An amount for a shopper: IRR in Toman or Rial with the unit's word
 * (`۱۲٬۳۴۵ تومان`, `12,345 Toman`), other currencies with their symbol. The
 * amount is the API's exact string; no float is involved.
 */
export function formatMoney(amount: string | null | undefined, currencyCode: string, options: FormatMoneyOptions): string {
  const value = amount == null || amount === "" ? "0" : String(amount)
  if (!DECIMAL.test(value)) {
    throw new Error(`Not a decimal amount: ${value}`)
  }
  const currency = currencyCode.toLowerCase()
  const { locale } = options
  if (currency === "irr" || currency === "irt") {
    const toman = currency === "irt" || (options.display ?? "toman") === "toman"
    const shown = currency === "irr" && toman ? rialToToman(value) : value
    const unit = toman ? (locale === "fa" ? "تومان" : "Toman") : locale === "fa" ? "ریال" : "Rial"
    return `${groupDigits(shown, locale)} ${unit}`
  }
  const text = groupDigits(toPrecision(value, currency), locale)
  const symbol = CURRENCY_SYMBOLS[currency]
  if (locale === "fa") {
    return `${text} ${symbol ?? currency.toUpperCase()}`
  }
  return symbol ? `${value.startsWith("-") ? "-" : ""}${symbol}${text.replace(/^-/, "")}` : `${text} ${currency.toUpperCase()}`
}

const CURRENCY_SYMBOLS: Record<string, string> = { usd: "$", eur: "€", gbp: "£" }

/**
 * Reads back what `formatMoney` showed (any digits, separators, units) as
 * the amount in the currency's own unit: `"۱۲٬۳۴۵٫۵ تومان"` -> `"123455"`
 * Rial. Tests use it to compare what a page shows with the API.
 */
export function parseShownMoney(text: string, currencyCode: string): string {
  const latin = toLatinDigits(text).replace(/\u2212/g, "-").replace(/٫/g, ".")
  const match = /-?[\d,٬]+(\.\d+)?/.exec(latin)
  if (!match) {
    throw new Error(`No amount in: ${text}`)
  }
  const plain = match[0].replace(/[,٬]/g, "")
  const currency = currencyCode.toLowerCase()
  if (currency === "irr" && /تومان|toman/i.test(text)) {
    return timesTen(plain)
  }
  const [whole, fraction = ""] = plain.split(".")
  const trimmed = fraction.replace(/0+$/, "")
  return trimmed ? `${whole}.${trimmed}` : whole
}

/** Multiplies an exact decimal string by 10 (Toman to Rial) by moving its point. */
export function timesTen(amount: string): string {
  const negative = amount.startsWith("-")
  const [whole, fraction = ""] = (negative ? amount.slice(1) : amount).split(".")
  const shifted = `${whole}${fraction.slice(0, 1).padEnd(1, "0")}`.replace(/^0+(?=\d)/, "")
  const rest = fraction.slice(1).replace(/0+$/, "")
  const out = rest ? `${shifted}.${rest}` : shifted
  return negative && out !== "0" ? `-${out}` : out
}

/**
 * Compares two exact decimal strings by value (`"12.50"` equals `"12.5"`).
 */
export function sameAmount(a: string, b: string): boolean {
  const norm = (x: string) => {
    const negative = x.startsWith("-")
    const [whole, fraction = ""] = (negative ? x.slice(1) : x).split(".")
    const w = whole.replace(/^0+(?=\d)/, "")
    const f = fraction.replace(/0+$/, "")
    const out = f ? `${w}.${f}` : w
    return negative && out !== "0" ? `-${out}` : out
  }
  return norm(a) === norm(b)
}

export type DateStyle = "short" | "long"

/**
 * A date in the shopper's calendar: Jalali with Persian digits in Persian
 * (`۱۰ آذر ۱۴۰۵`), Gregorian in English (`30 Nov 2026`), in the shop's time
 * zone (Tehran by default) so a date near midnight is the shop's day.
 */
export function formatDate(
  date: string | Date | null | undefined,
  locale: Locale,
  options: { style?: DateStyle; timeZone?: string; time?: boolean } = {}
): string {
  if (!date) {
    return ""
  }
  const value = typeof date === "string" ? new Date(date) : date
  const tag = locale === "fa" ? "fa-IR-u-ca-persian-nu-arabext" : "en-GB"
  const formatter = new Intl.DateTimeFormat(tag, {
    timeZone: options.timeZone ?? "Asia/Tehran",
    year: "numeric",
    month: options.style === "short" ? "2-digit" : "long",
    day: "numeric",
    ...(options.time ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
  })
  return formatter.format(value)
}

/** Whole days from `now` until `date` (rounded up; 0 when due). */
export function daysUntil(date: string | Date, now: Date = new Date()): number {
  const ms = new Date(date).getTime() - now.getTime()
  return ms <= 0 ? 0 : Math.ceil(ms / 86400000)
}

/** A count with the language's digits and grouping. */
export function formatCount(n: number, locale: Locale): string {
  return groupDigits(String(n), locale)
}
