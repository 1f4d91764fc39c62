// Amounts as shop staff type and read them: "5,000,000", "۵٬۰۰۰٬۰۰۰". The
// API takes plain decimal strings; these never go through a float, since
// amounts in rial run past what a double holds exactly.

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

/** Persian and Arabic-Indic digits as 0-9. */
export const latinDigits = (value: string) =>
  value.replace(/[۰-۹٠-٩]/g, (d) =>
    String(
      PERSIAN_DIGITS.includes(d)
        ? PERSIAN_DIGITS.indexOf(d)
        : ARABIC_DIGITS.indexOf(d)
    )
  )

/**
 * What was typed, as the API reads amounts: Latin digits, no spaces or
 * thousands separators (",", Persian "٬"), "٫" as the point. Anything else
 * stays as typed, so the API refuses it and names the field.
 */
export const plainDecimal = (value: string) =>
  latinDigits(value).trim().replace(/[\s,٬]/g, "").replace("٫", ".")

/** A whole number typed with separators, as a number; as typed otherwise. */
export function wholeNumber(value: string): number | string {
  const text = plainDecimal(value)
  return /^\d{1,15}$/.test(text) ? Number(text) : text
}

/** "50000000000.5" -> "50,000,000,000.5", on the text (no float). */
export function groupDigits(value: string) {
  const [whole, fraction] = value.split(".")
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}

/**
 * Latin digits (and "," ".") as the admin's language writes them in an
 * input: Persian digits with "٬" and "٫" in Persian, Arabic-Indic in Arabic.
 * Character for character, so the caret stays where it was.
 */
export function localDigits(value: string, language: "en" | "fa" | "ar") {
  if (language === "en") return value
  const digits = language === "fa" ? PERSIAN_DIGITS : ARABIC_DIGITS
  return value
    .replace(/[0-9]/g, (d) => digits[Number(d)])
    .replace(/,/g, "٬")
    .replace(/\./g, "٫")
}

/**
 * The API body of a per-currency setting (minimum balance, largest
 * purchase, welcome credit): the amounts set, or null for none. A currency
 * left empty, or never typed in, is not sent.
 */
export function amountsToBody(values: Record<string, string | undefined>) {
  const set = Object.entries(values)
    .filter(([, amount]) => !!amount)
    .sort(([a], [b]) => a.localeCompare(b))
  return set.length ? (Object.fromEntries(set) as Record<string, string>) : null
}
