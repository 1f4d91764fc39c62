// The pure logic behind the hooks: what a shopper is told about credit on
// the cart, about cashback that is pending or spendable, and about the way
// to the next tier. Amounts are compared as exact decimal strings.
import { daysUntil, formatCount, formatDate, formatMoney, FormatMoneyOptions, Locale } from "./format"
import { MessageKey, Messages, separatorOf, translate } from "./messages"
import type { CashbackPreview, CustomerTier, LoyaltyCredit, OrderCashback } from "./types"

/** Compares non-negative or negative exact decimals: -1, 0 or 1. */
export function compareAmounts(a: string, b: string): number {
  const split = (x: string) => {
    const negative = x.startsWith("-")
    const [w, f = ""] = (negative ? x.slice(1) : x).split(".")
    return { negative, w: w.replace(/^0+(?=\d)/, ""), f }
  }
  const x = split(a)
  const y = split(b)
  const zero = (p: { w: string; f: string }) => p.w === "0" && !/[1-9]/.test(p.f)
  if (zero(x) && zero(y)) return 0
  if (x.negative !== y.negative) return x.negative ? -1 : 1
  const sign = x.negative ? -1 : 1
  if (x.w.length !== y.w.length) return (x.w.length > y.w.length ? 1 : -1) * sign
  if (x.w !== y.w) return (x.w > y.w ? 1 : -1) * sign
  const len = Math.max(x.f.length, y.f.length)
  const fx = x.f.padEnd(len, "0")
  const fy = y.f.padEnd(len, "0")
  return fx === fy ? 0 : (fx > fy ? 1 : -1) * sign
}

/** Adds exact decimal strings (non-negative), for totals of per-rule amounts. */
export function addAmounts(...amounts: string[]): string {
  const scale = Math.max(0, ...amounts.map((a) => (a.split(".")[1] ?? "").length))
  const toInt = (a: string) => {
    const negative = a.startsWith("-")
    const [w, f = ""] = (negative ? a.slice(1) : a).split(".")
    const n = BigInt(w + f.padEnd(scale, "0"))
    return negative ? -n : n
  }
  const sum = amounts.reduce((s, a) => s + toInt(a), BigInt(0))
  const negative = sum < BigInt(0)
  const digits = (negative ? -sum : sum).toString().padStart(scale + 1, "0")
  const whole = digits.slice(0, digits.length - scale)
  const fraction = scale ? digits.slice(-scale).replace(/0+$/, "") : ""
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`
}

export type Explanation = { key: MessageKey; text: string; tone: "info" | "warning" }

/**
 * What the shopper is told after credit was put on the cart: how much is on
 * it and, when a limit decided the amount, which one and why, in the
 * shopper's words. `null` when nothing needs saying (no credit applied and
 * no limit).
 */
export function explainCredit(
  credit: LoyaltyCredit,
  options: FormatMoneyOptions & { messages?: Messages }
): { applied: string | null; limit: Explanation | null } {
  const money = (a: string) => formatMoney(a, credit.currency_code, options)
  const { locale, messages } = options
  const applied = compareAmounts(credit.applied, "0") > 0 ? translate(locale, "credit.applied", { amount: money(credit.applied) }, messages) : null
  if (!credit.limit) {
    return { applied, limit: null }
  }
  const key = `credit.limit.${credit.limit}` as MessageKey
  const text = translate(locale, key, { amount: money(credit.applied), available: money(credit.available) }, messages)
  // Only a limit that kept the shopper from what they asked for warns.
  const tone = credit.limit === "min_balance" || credit.limit === "max_share" || credit.limit === "items_only" ? "warning" : "info"
  return { applied, limit: { key, text, tone } }
}

export type CashbackSplit = {
  currency_code: string
  /** Credited and spendable now. */
  spendable: string
  /** Credited but waiting: for a date or for the order to ship. */
  pending: string
  /** The soonest date pending cashback becomes spendable (null: none or only at shipping). */
  next_available_at: string | null
  /** Some pending cashback waits for the order to ship. */
  waits_for_fulfilment: boolean
  taken_back: string
}

/**
 * Splits an order's cashback into what can be spent now and what waits,
 * and says when the wait ends. A rule's `remaining` is what is left of it
 * (after take-backs and spending); `pending` rows are counted whole, as
 * they cannot have been spent yet. Spent, expired and reversed cashback is
 * neither.
 */
export function splitOrderCashback(order: OrderCashback, now: Date = new Date()): CashbackSplit {
  let spendable = "0"
  let pending = "0"
  let next: string | null = null
  let waits = false
  for (const c of order.cashback) {
    const isPending =
      c.state === "pending" || c.waits_for_fulfilment || (!!c.available_at && new Date(c.available_at).getTime() > now.getTime())
    if (isPending && c.state !== "reversed" && c.state !== "expired") {
      pending = addAmounts(pending, c.remaining ?? c.amount)
      if (c.waits_for_fulfilment) {
        waits = true
      } else if (c.available_at && (!next || new Date(c.available_at) < new Date(next))) {
        next = c.available_at
      }
    } else if (c.state === "available" || c.state === "partly_reversed") {
      spendable = addAmounts(spendable, c.remaining)
    }
  }
  return {
    currency_code: order.currency_code,
    spendable,
    pending,
    next_available_at: next,
    waits_for_fulfilment: waits,
    taken_back: order.taken_back,
  }
}

/** The sentences under an order's cashback: pending, spendable and when. */
export function describeCashbackSplit(
  split: CashbackSplit,
  options: FormatMoneyOptions & { messages?: Messages; timeZone?: string }
): string[] {
  const { locale, messages } = options
  const money = (a: string) => formatMoney(a, split.currency_code, options)
  const lines: string[] = []
  if (compareAmounts(split.pending, "0") > 0) {
    let when = ""
    if (split.next_available_at) {
      when = translate(locale, "cashback.when", { date: formatDate(split.next_available_at, locale, { timeZone: options.timeZone }) }, messages)
    } else if (split.waits_for_fulfilment) {
      when = translate(locale, "cashback.release.fulfilled", {}, messages)
    }
    lines.push([translate(locale, "cashback.pending", { amount: money(split.pending) }, messages), when].filter(Boolean).join(separatorOf(locale)))
  }
  if (compareAmounts(split.spendable, "0") > 0) {
    lines.push(translate(locale, "cashback.spendable", { amount: money(split.spendable) }, messages))
  }
  if (compareAmounts(split.taken_back, "0") > 0) {
    lines.push(translate(locale, "cashback.taken_back", { amount: money(split.taken_back) }, messages))
  }
  return lines
}

/**
 * When a preview's cashback becomes spendable, in words: the latest release
 * of its rules decides (all of it is spendable only then).
 */
export function describePreviewRelease(preview: CashbackPreview, locale: Locale, messages?: Messages): string | null {
  if (!preview.rules.length) return null
  if (preview.rules.some((r) => r.release === "fulfilled")) {
    return translate(locale, "cashback.release.fulfilled", {}, messages)
  }
  const days = Math.max(0, ...preview.rules.map((r) => (r.release === "hold" ? r.hold_days ?? 0 : 0)))
  return days > 0
    ? translate(locale, "cashback.release.hold", { days: formatCount(days, locale) }, messages)
    : translate(locale, "cashback.release.placed", {}, messages)
}

export type TierProgressView = {
  current: string | null
  next: string | null
  /** 0-100: the next tier needs every threshold it sets, so the furthest one decides. */
  percent: number
  needs: string[]
  window_ends_at: string | null
  top: boolean
}

/**
 * The tier progress bar: how far along the way to the next tier the shopper
 * is (a tier that sets both spend and orders needs both, so the one with
 * more to go decides), and what is still needed.
 */
export function tierProgress(view: CustomerTier, options: FormatMoneyOptions & { messages?: Messages }): TierProgressView {
  const { locale, messages } = options
  const next = view.next_tier
  if (!next) {
    return { current: view.tier?.name ?? null, next: null, percent: view.tier ? 100 : 0, needs: [], window_ends_at: null, top: !!view.tier }
  }
  const ratios: number[] = []
  const needs: string[] = []
  if (next.spend_needed != null) {
    const target = addAmounts(next.spend, next.spend_needed)
    // A ratio for a bar's width only: no amount is computed from it.
    ratios.push(compareAmounts(target, "0") > 0 ? Number(next.spend) / Number(target) : 1)
    if (compareAmounts(next.spend_needed, "0") > 0) {
      needs.push(translate(locale, "tier.spend_needed", { amount: formatMoney(next.spend_needed, view.currency_code ?? "irr", options) }, messages))
    }
  }
  if (next.orders_needed != null) {
    const target = next.orders + next.orders_needed
    ratios.push(target > 0 ? next.orders / target : 1)
    if (next.orders_needed > 0) {
      // English says "1 more order", "2 more orders"; Persian has one form.
      const key = next.orders_needed === 1 ? "tier.order_needed" : "tier.orders_needed"
      needs.push(translate(locale, key, { count: formatCount(next.orders_needed, locale) }, messages))
    }
  }
  const percent = Math.round(Math.max(0, Math.min(1, ...ratios)) * 100)
  return { current: view.tier?.name ?? null, next: next.name, percent, needs, window_ends_at: next.window_ends_at, top: false }
}

/** Days left until a date, for "expires in N days" (0 when due). */
export { daysUntil }
