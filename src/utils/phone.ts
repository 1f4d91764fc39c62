import { MedusaError } from "@medusajs/framework/utils"
import {
  CountryCode,
  parsePhoneNumberFromString,
  PhoneNumber,
} from "libphonenumber-js/mobile"
import { LoyaltyErrorCode } from "./error-codes"

export type GatewayNumberFormat = "e164" | "ir_local" | "ir_98"

// Persian (U+06F0..U+06F9) and Arabic-Indic (U+0660..U+0669) digits are what
// an Iranian phone keyboard types; the number library only knows ASCII digits.
const PERSIAN_ZERO = 0x06f0
const ARABIC_INDIC_ZERO = 0x0660

// Spaces (including no-break and thin spaces), the dashes and dots people
// group digits with, parentheses, and the invisible direction marks that
// right-to-left editors slip around a number pasted into Persian text.
const SEPARATORS =
  /[\s\-\u2010-\u2015\u2212().\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

function toAsciiDigits(input: string): string {
  return input.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0)
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO
    return String(code - zero)
  })
}

function parseMobile(
  input: string,
  defaultCountry: string
): PhoneNumber | undefined {
  if (typeof input !== "string") {
    return undefined
  }
  const cleaned = toAsciiDigits(input).replace(SEPARATORS, "")
  // The library extracts a number from any text ("call 0912..." parses), so
  // anything but digits and one leading plus is refused before it gets there.
  if (!/^\+?\d+$/.test(cleaned)) {
    return undefined
  }

  const candidates = [cleaned]
  if (!cleaned.startsWith("+")) {
    // "00" dials out of most countries but not the US (011), and shop data
    // often stores "98912..." without the plus: when the number is not valid
    // in the default country, read it as an international one.
    candidates.push(
      cleaned.startsWith("00") ? `+${cleaned.slice(2)}` : `+${cleaned}`
    )
  }

  for (const candidate of candidates) {
    // The "mobile" metadata makes isValid() true only for numbers a text
    // message can reach; a Tehran landline (021...) is refused.
    const parsed = parsePhoneNumberFromString(candidate, {
      defaultCountry: defaultCountry as CountryCode,
    })
    if (parsed?.isValid()) {
      return parsed
    }
  }
  return undefined
}

/**
 * Normalise a mobile number as a shopper or cashier typed it (Persian or
 * Arabic-Indic digits, spaces, `0`, `0098` or `+98` prefixes) to E.164.
 *
 * @example
 * normalizePhone("۰۹۱۲ ۱۲۳ ۴۵۶۷") // "+989121234567"
 * normalizePhone("+1 (201) 555-0123") // "+12015550123"
 */
export function normalizePhone(input: string, defaultCountry = "IR"): string {
  const parsed = parseMobile(input, defaultCountry)
  if (!parsed) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `phone (${input}) is not a valid mobile number`,
      LoyaltyErrorCode.PHONE_INVALID
    )
  }
  return parsed.number
}

export function isValidPhone(input: string, defaultCountry = "IR"): boolean {
  return parseMobile(input, defaultCountry) !== undefined
}

/**
 * Write an E.164 number the way a gateway wants it. Iranian gateways take
 * `09121234567` (`ir_local`) or `989121234567` (`ir_98`); a foreign number in
 * `ir_local` is written as dialled from Iran (`0012015550123`), in `ir_98` as
 * its international digits without the plus.
 *
 * @example
 * formatForGateway("+989121234567", "ir_local") // "09121234567"
 */
export function formatForGateway(
  e164: string,
  style: GatewayNumberFormat
): string {
  const parsed = /^\+\d+$/.test(e164)
    ? parsePhoneNumberFromString(e164)
    : undefined
  if (!parsed?.isValid()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `phone (${e164}) is not a valid E.164 mobile number`
    )
  }

  const international = `${parsed.countryCallingCode}${parsed.nationalNumber}`
  switch (style) {
    case "e164":
      return parsed.number
    case "ir_98":
      return international
    case "ir_local":
      return parsed.countryCallingCode === "98"
        ? `0${parsed.nationalNumber}`
        : `00${international}`
    default:
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Number format (${style}) is not one of e164, ir_local, ir_98`
      )
  }
}

/**
 * The country (ISO 3166 alpha-2) an E.164 mobile number belongs to, or
 * undefined when the numbering plan does not say (shared codes such as +1
 * say: US, CA, ...).
 *
 * @example
 * phoneCountry("+989121234567") // "IR"
 */
export function phoneCountry(e164: string): string | undefined {
  const parsed = /^\+\d+$/.test(e164)
    ? parsePhoneNumberFromString(e164)
    : undefined
  return parsed?.isValid() ? parsed.country : undefined
}
