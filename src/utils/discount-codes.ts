import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { randomInt } from "crypto"
import { invalidField, LoyaltyErrorCode, LoyaltyErrorCodeValue } from "./error-codes"
import { formatMoney } from "./sms-messages"

/**
 * Discount codes as pure functions: making codes, what a code gives
 * (`DiscountSummary`) and how a shopper reads it, whether a code may be used
 * on a cart now, and when a capped percent becomes a fixed amount. No
 * database, no clock: the time is an input.
 */

/**
 * Upper-case letters and digits without the ones read or typed as others
 * (0/O, 1/I/L): 31 symbols, log2(31) = 4.95 bits each.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
/** 9 symbols: 44.6 bits, above the 40 the issue asks for, short enough to type. */
export const CODE_LENGTH = 9
export const CODE_ENTROPY_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length)
export const PREFIX_MAX_LENGTH = 12

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

/**
 * A code as a shopper may type it, written the way the club writes codes:
 * Persian and Arabic digits as ASCII, no spaces, joiners or direction marks,
 * upper case. Core looks promotions up by their exact code.
 */
export function normalizeCode(typed: string): string {
  return String(typed)
    .replace(/[۰-۹]/g, (d) => String(PERSIAN_DIGITS.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String(ARABIC_DIGITS.indexOf(d)))
    .replace(/[\s\u200c\u200d\u200e\u200f]/g, "")
    .toUpperCase()
}

/** A batch's prefix, upper case, letters and digits only (null when empty); INVALID_DATA naming `prefix` otherwise. */
export function normalizePrefix(prefix: string | null | undefined): string | null {
  if (prefix === null || prefix === undefined || String(prefix).trim() === "") {
    return null
  }
  const value = normalizeCode(prefix)
  if (!/^[A-Z0-9]+$/.test(value) || value.length > PREFIX_MAX_LENGTH) {
    throw invalidField(
      "prefix",
      `prefix must be 1 to ${PREFIX_MAX_LENGTH} Latin letters or digits, got ${JSON.stringify(String(prefix).slice(0, 40))}`
    )
  }
  return value
}

/**
 * `count` distinct codes, `PREFIX-XXXXXXXXX` or `XXXXXXXXX`, each symbol
 * drawn with `crypto.randomInt` (uniform, no modulo bias). Distinct within
 * the call; the database's unique index decides against codes made before.
 */
export function generateCodes(count: number, prefix: string | null = null): string[] {
  const head = prefix ? `${prefix}-` : ""
  const codes = new Set<string>()
  const n = CODE_ALPHABET.length
  while (codes.size < count) {
    let body = ""
    for (let i = 0; i < CODE_LENGTH; i++) {
      body += CODE_ALPHABET[randomInt(n)]
    }
    codes.add(head + body)
  }
  return Array.from(codes)
}

/** What a code gives, as the SMS and the shopper's gift list show it. */
export type DiscountSummary = {
  discount_type: "percentage" | "fixed"
  /** Percent for `percentage`, the amount in `currency_code` for `fixed`. */
  value: string
  currency_code: string | null
  /** The cap on a percent discount per currency; null: none. */
  max_discount: Record<string, string> | null
}

/** The batch fields a summary reads. */
export type DiscountTemplate = {
  discount_type: "percentage" | "fixed"
  value: BigNumberInput
  currency_code?: string | null
  max_discount?: Record<string, unknown> | null
}

/** Exact amounts per currency as plain decimal strings (null when none). */
export function amountsByCurrency(value: Record<string, unknown> | null | undefined): Record<string, string> | null {
  if (!value || typeof value !== "object" || !Object.keys(value).length) {
    return null
  }
  const out: Record<string, string> = {}
  for (const [currency, amount] of Object.entries(value)) {
    out[currency.toLowerCase()] = MathBN.convert(amount as BigNumberInput).toFixed()
  }
  return out
}

export function discountSummaryOf(batch: DiscountTemplate): DiscountSummary {
  return {
    discount_type: batch.discount_type,
    value: MathBN.convert(batch.value).toFixed(),
    currency_code: batch.currency_code ? batch.currency_code.toLowerCase() : null,
    max_discount: batch.discount_type === "percentage" ? amountsByCurrency(batch.max_discount) : null,
  }
}

export type DiscountFormat = {
  locale: "fa" | "en"
  /** The currency the shopper buys in: the cap shown is this one's. */
  currency_code: string
  money_display: "toman" | "rial"
}

const percentFormats = new Map<string, Intl.NumberFormat>()

/**
 * The discount in words for `{discount}`: "۲۰٪ تا سقف ۵۰٬۰۰۰ تومان" /
 * "20% off, up to 50,000 Toman"; a fixed amount "۱۰۰٬۰۰۰ تومان" /
 * "100,000 Toman off". Money reads as every SMS reads it (Toman or Rial,
 * Persian digits in Persian).
 */
export function formatDiscount(summary: DiscountSummary, format: DiscountFormat): string {
  const fa = format.locale === "fa"
  const money = (amount: string, currency: string) =>
    formatMoney({ amount, currency_code: currency }, { locale: format.locale, money_display: format.money_display, time_zone: "UTC" })
  if (summary.discount_type === "fixed") {
    const text = money(summary.value, summary.currency_code ?? format.currency_code)
    return fa ? text : `${text} off`
  }
  let numbers = percentFormats.get(format.locale)
  if (!numbers) {
    numbers = new Intl.NumberFormat(fa ? "fa-IR" : "en-US", { maximumFractionDigits: 2 })
    percentFormats.set(format.locale, numbers)
  }
  const percent = `${numbers.format(summary.value as unknown as number)}${fa ? "٪" : "%"}`
  const caps = summary.max_discount ?? {}
  const currency = format.currency_code.toLowerCase()
  // A shop in one currency caps in it; a cap in another currency only says
  // something when it is the only one.
  const capCurrency = caps[currency] !== undefined ? currency : Object.keys(caps).length === 1 ? Object.keys(caps)[0] : null
  if (!capCurrency) {
    return fa ? percent : `${percent} off`
  }
  const cap = money(caps[capCurrency], capCurrency)
  return fa ? `${percent} تا سقف ${cap}` : `${percent} off, up to ${cap}`
}

/** A day is 86,400,000 ms: `valid_days` counts whole days from the issue. */
const DAY_MS = 86400000

/**
 * When a personal code stops working: the caller's date when given, else
 * `valid_days` after `at`, else the batch's end; never after the batch ends
 * (its campaign, and so its promotions, end then).
 */
export function personalCodeExpiry(
  batch: { valid_days?: number | null; ends_at?: Date | string | null },
  at: Date,
  requested?: Date | string | null
): Date | null {
  const end = batch.ends_at ? new Date(batch.ends_at) : null
  let expiry: Date | null = requested ? new Date(requested) : batch.valid_days ? new Date(at.getTime() + batch.valid_days * DAY_MS) : end
  if (expiry && end && expiry > end) {
    expiry = end
  }
  return expiry
}

/** What decides whether a code may be used on a cart now. */
export type CodeCheck = {
  code: string
  customer_id: string | null
  expires_at: Date | string | null
  disabled_at: Date | string | null
  /** Core counted its single use (or an order that used it is not canceled). */
  used: boolean
  batch: {
    status: string
    starts_at: Date | string | null
    ends_at: Date | string | null
    currency_code: string | null
    min_basket: Record<string, unknown> | null
    customer_group_ids?: string[] | null
  }
}

export type CartForCode = {
  customer_id: string | null
  /** Whether the cart's customer is a registered account (not a guest). */
  has_account: boolean
  currency_code: string
  item_subtotal: BigNumberInput
  /** The groups of the cart's customer; undefined when not known (nothing checked). */
  group_ids?: string[]
}

export type CodeProblem = { type: string; code: LoyaltyErrorCodeValue; message: string }

const problem = (type: string, code: LoyaltyErrorCodeValue, message: string): CodeProblem => ({ type, code, message })

/**
 * Why `code` cannot be used on `cart` at `at`, or null when it can: a
 * personal code on a guest's or another shopper's cart, a disabled code or
 * batch, before its start or after its end, used, a customer outside the
 * batch's groups, another currency, a basket below the minimum in the
 * cart's currency (item subtotal).
 */
export function codeProblem(code: CodeCheck, cart: CartForCode, at: Date, precision = 0): CodeProblem | null {
  const name = code.code
  if (code.customer_id && code.customer_id !== cart.customer_id) {
    return cart.customer_id && cart.has_account
      ? problem(MedusaError.Types.NOT_ALLOWED, LoyaltyErrorCode.CODE_NOT_YOURS, `Code ${name} is a personal code of another customer`)
      : problem(MedusaError.Types.NOT_ALLOWED, LoyaltyErrorCode.CODE_LOGIN_REQUIRED, `Code ${name} is a personal code: log in as its owner to use it`)
  }
  if (code.batch.status === "disabled") {
    return problem(MedusaError.Types.NOT_ALLOWED, LoyaltyErrorCode.CODE_BATCH_DISABLED, `Code ${name} belongs to a batch the shop disabled`)
  }
  if (code.disabled_at) {
    return problem(MedusaError.Types.NOT_ALLOWED, LoyaltyErrorCode.CODE_DISABLED, `Code ${name} was disabled by the shop`)
  }
  if (code.batch.starts_at && new Date(code.batch.starts_at) > at) {
    return problem(
      MedusaError.Types.NOT_ALLOWED,
      LoyaltyErrorCode.CODE_NOT_STARTED,
      `Code ${name} cannot be used before ${new Date(code.batch.starts_at).toISOString()}`
    )
  }
  const ends = [code.expires_at, code.batch.ends_at].filter(Boolean).map((d) => new Date(d as string))
  const end = ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null
  if (end && end <= at) {
    return problem(MedusaError.Types.NOT_ALLOWED, LoyaltyErrorCode.CODE_EXPIRED, `Code ${name} expired on ${end.toISOString()}`)
  }
  if (code.used) {
    return problem(MedusaError.Types.NOT_ALLOWED, LoyaltyErrorCode.CODE_USED, `Code ${name} has already been used`)
  }
  const groups = code.batch.customer_group_ids ?? []
  if (groups.length && cart.group_ids && !cart.group_ids.some((g) => groups.includes(g))) {
    return problem(
      MedusaError.Types.NOT_ALLOWED,
      // No code of its own yet: the storefront reads the message.
      LoyaltyErrorCode.CODE_NOT_FOR_GROUP,
      `Code ${name} is for customers of certain groups only, and this cart's customer is in none of them`
    )
  }
  const currency = cart.currency_code.toLowerCase()
  if (code.batch.currency_code && code.batch.currency_code.toLowerCase() !== currency) {
    return problem(
      MedusaError.Types.NOT_ALLOWED,
      LoyaltyErrorCode.CODE_WRONG_CURRENCY,
      `Code ${name} works in ${code.batch.currency_code.toUpperCase()} only, this cart is in ${currency.toUpperCase()}`
    )
  }
  const minimum = amountsByCurrency(code.batch.min_basket)?.[currency]
  if (minimum !== undefined && MathBN.lt(cart.item_subtotal, minimum)) {
    const subtotal = MathBN.convert(cart.item_subtotal).decimalPlaces(precision).toFixed()
    return problem(
      MedusaError.Types.NOT_ALLOWED,
      LoyaltyErrorCode.CODE_MIN_BASKET,
      `Code ${name} needs a basket of at least ${minimum} ${currency.toUpperCase()}; this cart's items come to ${subtotal} ${currency.toUpperCase()}`
    )
  }
  return null
}

/** A cart line as the cap's estimate reads it. */
export type LineForCode = {
  subtotal: BigNumberInput
  product_id?: string | null
  category_ids?: string[]
  is_discountable?: boolean
}

/**
 * What a code's percent applies to on a cart: the discountable items it
 * targets (all, or those of its products or categories), or the shipping.
 */
export function eligibleSubtotal(
  template: { target: string; product_ids?: string[] | null; category_ids?: string[] | null },
  cart: { items: LineForCode[]; shipping_subtotal?: BigNumberInput | null }
): BigNumberInput {
  if (template.target === "shipping") {
    return MathBN.convert(cart.shipping_subtotal ?? 0)
  }
  const products = template.target === "items" && template.product_ids?.length ? new Set(template.product_ids) : null
  const categories = template.target === "items" && template.category_ids?.length ? new Set(template.category_ids) : null
  return cart.items
    .filter((item) => item.is_discountable !== false)
    .filter((item) => !products || (item.product_id && products.has(item.product_id)))
    .filter((item) => !categories || (item.category_ids ?? []).some((c) => categories.has(c)))
    .reduce((sum, item) => MathBN.add(sum, item.subtotal ?? 0), MathBN.convert(0))
}

/** How a code's promotion should compute on one cart. */
export type CodeApplication =
  | { type: "percentage"; value: string; currency_code: string | null }
  | { type: "fixed"; value: string; currency_code: string }

/**
 * A capped percent on a cart: the percent while it gives at most the cap in
 * the cart's currency, else the cap as a fixed amount spread across what
 * the percent applies to. Without a cap in that currency, the percent.
 */
export function codeApplication(
  summary: DiscountSummary,
  cart: { currency_code: string; eligible_subtotal: BigNumberInput }
): CodeApplication {
  if (summary.discount_type === "fixed") {
    return { type: "fixed", value: summary.value, currency_code: summary.currency_code ?? cart.currency_code.toLowerCase() }
  }
  const currency = cart.currency_code.toLowerCase()
  const cap = summary.max_discount?.[currency]
  const percent = { type: "percentage" as const, value: summary.value, currency_code: summary.currency_code }
  if (cap === undefined) {
    return percent
  }
  const estimate = MathBN.div(MathBN.mult(summary.value, cart.eligible_subtotal), 100)
  return MathBN.gt(estimate, cap) ? { type: "fixed", value: MathBN.convert(cap).toFixed(), currency_code: currency } : percent
}
