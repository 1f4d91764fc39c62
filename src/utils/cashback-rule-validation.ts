import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { invalidField, LoyaltyErrorCode, LoyaltyErrorCodeValue } from "./error-codes"
import { isKnownCurrency, parsePositiveAmount } from "./money"

export type CashbackRuleFields = {
  name?: string
  type?: "percent" | "fixed"
  value?: unknown
  currency_code?: string | null
  min_subtotal?: unknown
  max_amount?: unknown
  release?: "placed" | "fulfilled" | "hold"
  hold_days?: number | null
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  multiplier?: {
    value: unknown
    starts_at?: Date | string | null
    ends_at?: Date | string | null
  } | null
}

const invalid = (message: string, code: LoyaltyErrorCodeValue) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, message, code)

export function notNegative(field: string, value: unknown, currency?: string | null) {
  if (value == null) {
    return
  }
  let n
  try {
    n = MathBN.convert(value as any)
  } catch {
    n = undefined
  }
  if (!n || !n.isFinite()) {
    throw invalidField(field, `${field} must be a number, got ${JSON.stringify(value)}`)
  }
  if (n.isNegative()) {
    throw invalidField(field, `${field} must not be negative, got ${n.toFixed()}`)
  }
  if (currency && !n.isZero()) {
    parsePositiveAmount(n, currency, field)
  }
}

// Rates and multipliers: positive, at most 100, at most 4 decimals.
export function rate(field: string, value: unknown) {
  let n
  try {
    n = MathBN.convert(value as any)
  } catch {
    n = undefined
  }
  if (value == null || !n || !n.isFinite()) {
    throw invalidField(field, `${field} must be a number, got ${JSON.stringify(value ?? null)}`)
  }
  if (!n.isGreaterThan(0)) {
    throw invalidField(field, `${field} must be greater than 0, got ${n.toFixed()}`)
  }
  if (n.isGreaterThan(100)) {
    throw invalidField(field, `${field} must be at most 100, got ${n.toFixed()}`)
  }
  if ((n.decimalPlaces() ?? 0) > 4) {
    throw invalidField(field, `${field} ${n.toFixed()} has more than 4 decimals`)
  }
}

function window(field: string, from?: Date | string | null, to?: Date | string | null) {
  if (from && to && new Date(to) <= new Date(from)) {
    throw invalid(
      `${field}ends_at must be later than ${field}starts_at`,
      field ? LoyaltyErrorCode.MULTIPLIER_ENDS_BEFORE_STARTS : LoyaltyErrorCode.ENDS_BEFORE_STARTS
    )
  }
}

/**
 * Checks a whole cashback rule (after a partial update is merged in) and
 * throws INVALID_DATA naming the field at fault.
 */
export function validateCashbackRuleFields(rule: CashbackRuleFields) {
  const currency = rule.currency_code?.toLowerCase() || null
  if (currency && !isKnownCurrency(currency)) {
    throw invalid(`currency_code (${rule.currency_code}) is not a known currency code`, LoyaltyErrorCode.CURRENCY_UNKNOWN)
  }
  if (rule.type === "fixed") {
    if (!currency) {
      throw invalid("currency_code is required for a fixed amount rule", LoyaltyErrorCode.CURRENCY_REQUIRED_FOR_FIXED)
    }
    parsePositiveAmount(rule.value, currency, "value")
  } else {
    rate("value", rule.value)
  }
  notNegative("min_subtotal", rule.min_subtotal, currency)
  notNegative("max_amount", rule.max_amount, currency)
  if ((rule.min_subtotal != null || rule.max_amount != null) && !currency) {
    throw invalid(
      "currency_code is required when min_subtotal or max_amount is set",
      LoyaltyErrorCode.CURRENCY_REQUIRED_FOR_LIMITS
    )
  }
  if (rule.release === "hold" && !rule.hold_days) {
    throw invalid("hold_days is required when release is hold", LoyaltyErrorCode.HOLD_DAYS_REQUIRED)
  }
  if (rule.release !== "hold" && rule.hold_days) {
    throw invalid("hold_days is only used when release is hold", LoyaltyErrorCode.HOLD_DAYS_NOT_USED)
  }
  window("", rule.starts_at, rule.ends_at)
  if ((rule as any).use_tier_rate && rule.type === "fixed") {
    throw invalid("use_tier_rate is only for percent rules", LoyaltyErrorCode.TIER_RATE_PERCENT_ONLY)
  }
  if (rule.multiplier) {
    rate("multiplier.value", rule.multiplier.value)
    window("multiplier.", rule.multiplier.starts_at, rule.multiplier.ends_at)
  }
}
