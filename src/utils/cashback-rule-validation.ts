import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { invalidField, LoyaltyErrorCode, LoyaltyErrorCodeValue } from "./error-codes"
import { isKnownCurrency, parsePositiveAmount } from "./money"
import { MESSAGE_LOCALES, MessageLocale } from "./sms-messages"

/** The languages a rule has a shopper-facing name in: those a shopper reads. */
export const RULE_NAME_LANGUAGES = MESSAGE_LOCALES
/** A rule's name per shopper language; a missing language reads the shop's `name`. */
export type RuleNames = Partial<Record<MessageLocale, string>>
export const RULE_NAME_MAX = 100

const invalid = (message: string, code: LoyaltyErrorCodeValue) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, message, code)

const badNames = (message: string) => invalid(message, LoyaltyErrorCode.RULE_NAMES_INVALID)

/**
 * The names shoppers read, per language: `{ "fa": "۳٪ کش‌بک قهوه", "en":
 * "3% back on coffee" }`. Each is trimmed and at most 100 characters; an
 * empty one is left out, and none at all is null (shoppers then read
 * `name`). `undefined` stays undefined (not given). Throws INVALID_DATA
 * (`loyalty_rule_names_invalid`) naming the language at fault.
 */
export function parseRuleNames(value: unknown): RuleNames | null | undefined {
  if (value === undefined || value === null) {
    return value
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw badNames(`names must be an object of names per language like { "fa": "۳٪ کش‌بک قهوه", "en": "3% back on coffee" }`)
  }
  const out: RuleNames = {}
  for (const [language, name] of Object.entries(value as Record<string, unknown>)) {
    if (!(RULE_NAME_LANGUAGES as readonly string[]).includes(language)) {
      throw badNames(`names has no language ${language} (languages: ${RULE_NAME_LANGUAGES.join(", ")})`)
    }
    if (name === null || name === undefined) {
      continue
    }
    if (typeof name !== "string") {
      throw badNames(`names.${language} must be text, got ${typeof name}`)
    }
    const text = name.trim()
    if (text.length > RULE_NAME_MAX) {
      throw badNames(`names.${language} must be at most ${RULE_NAME_MAX} characters, got ${text.length}`)
    }
    if (text) {
      out[language as MessageLocale] = text
    }
  }
  return Object.keys(out).length ? out : null
}

/** The name a shopper reads in their language: `names[language]`, else the shop's `name`. */
export function shopperRuleName(
  rule: { name: string; names?: RuleNames | null },
  language: string | null | undefined
): string {
  const localized = language ? rule.names?.[language as MessageLocale] : undefined
  return localized?.trim() ? localized : rule.name
}

export type CashbackRuleFields = {
  name?: string
  names?: unknown
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
  parseRuleNames(rule.names)
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
