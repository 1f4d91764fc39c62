import { BigNumberInput } from "@medusajs/framework/types"
import {
  defaultCurrencies,
  MathBN,
  MedusaError,
} from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import { invalidField, LoyaltyErrorCode, loyaltyError } from "./error-codes"

export type RoundingMode = "down" | "up" | "half_up" | "half_even"

const MODES: Record<RoundingMode, BigNumberJS.RoundingMode> = {
  down: BigNumberJS.ROUND_DOWN,
  up: BigNumberJS.ROUND_UP,
  half_up: BigNumberJS.ROUND_HALF_UP,
  half_even: BigNumberJS.ROUND_HALF_EVEN,
}

// Medusa's own currency table has IRR with 0 decimals; Toman (IRT) is used by
// many Iranian shops for display and is not an ISO code, so it is named here.
const EXTRA_PRECISION: Record<string, number> = { irt: 0 }

/** The number of decimals a currency's amounts may have (IRR 0, USD 2). */
export function currencyPrecision(currencyCode: string): number {
  const code = currencyCode.toLowerCase()
  if (code in EXTRA_PRECISION) {
    return EXTRA_PRECISION[code]
  }
  const currency = defaultCurrencies[code.toUpperCase()]
  if (!currency) {
    throw loyaltyError(
      MedusaError.Types.INVALID_DATA,
      `Currency (${currencyCode}) is not a known currency code`,
      LoyaltyErrorCode.CURRENCY_UNKNOWN
    )
  }
  return currency.decimal_digits
}

export function isKnownCurrency(currencyCode: string): boolean {
  const code = currencyCode.toLowerCase()
  return code in EXTRA_PRECISION || !!defaultCurrencies[code.toUpperCase()]
}

/** Rounds an amount to the currency's precision with an explicit mode. */
export function roundToCurrency(
  amount: BigNumberInput,
  currencyCode: string,
  mode: RoundingMode
): BigNumberJS {
  return MathBN.convert(amount).decimalPlaces(
    currencyPrecision(currencyCode),
    MODES[mode]
  )
}

/** The most integer digits an amount may have: 10^20 is beyond any price. */
export const MAX_INTEGER_DIGITS = 20
const PLAIN_DECIMAL = new RegExp(`^-?\\d{1,${MAX_INTEGER_DIGITS}}(\\.\\d{1,20})?$`)

/**
 * Why a value is not a plain decimal amount (a JSON number or a string of
 * digits with an optional sign and point, at most 20 integer digits), as a
 * message naming `field`, or null when it is one. Checked on the text before
 * any BigNumber is built, so a "1e9999999" never becomes a 10-million-digit
 * number.
 */
export function plainDecimalProblem(value: unknown, field: string): string | null {
  const text = typeof value === "number" ? String(value) : value
  // A JSON number past 21 digits prints as "1e+21": refused by the pattern.
  if (typeof text === "string" && PLAIN_DECIMAL.test(text)) {
    return null
  }
  const got = `${field} must be a number, got ${String(JSON.stringify(value)).slice(0, 40)}`
  // "1e3", "0x10" or " 100 " read as numbers elsewhere: say what is meant.
  const numberLike = (typeof text === "string" && text.trim() !== "" && Number.isFinite(Number(text))) || typeof value === "number"
  return numberLike
    ? `${got}: plain decimal digits with an optional point, at most ${MAX_INTEGER_DIGITS} before it`
    : got
}

/**
 * Parses an amount a person or a caller gave for a ledger write: a finite,
 * strictly positive number with no more decimals than the currency has.
 * Throws INVALID_DATA naming `field` otherwise.
 */
export function parsePositiveAmount(
  amount: BigNumberInput | unknown,
  currencyCode: string,
  field = "amount"
): BigNumberJS {
  let value: BigNumberJS
  const problem =
    typeof amount === "string" || typeof amount === "number"
      ? plainDecimalProblem(amount, field)
      : null
  if (problem) {
    throw invalidField(field, problem)
  }
  try {
    value = MathBN.convert(amount as BigNumberInput)
  } catch {
    value = new BigNumberJS(NaN)
  }
  if (!value.isFinite() || value.abs().isGreaterThanOrEqualTo(new BigNumberJS(10).pow(MAX_INTEGER_DIGITS))) {
    throw invalidField(field, `${field} must be a number, got ${JSON.stringify(amount)}`)
  }
  if (!value.isGreaterThan(0)) {
    throw invalidField(field, `${field} must be greater than 0, got ${value.toFixed()}`)
  }
  const precision = currencyPrecision(currencyCode)
  if ((value.decimalPlaces() ?? 0) > precision) {
    throw invalidField(
      field,
      `${field} ${value.toFixed()} has more decimals than ${currencyCode.toUpperCase()} allows (${precision})`
    )
  }
  return value
}

/** The `raw_*` JSON Medusa keeps beside every bigNumber column. */
export function rawAmount(value: BigNumberJS): string {
  return JSON.stringify({ value: value.toFixed(), precision: 20 })
}
