import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { notNegative, rate } from "./cashback-rule-validation"
import { LoyaltyErrorCode, LoyaltyErrorCodeValue } from "./error-codes"
import { jalaliYearBounds } from "./jalali"
import { isKnownCurrency } from "./money"

/**
 * Tiers as pure functions: which tier a customer's orders qualify for, what
 * the periodic evaluation does with a customer below their tier (grace, then
 * down), how far the next tier is, and whether a set of tiers is consistent.
 * No database, no clock: the time is an input. Spend is a decimal string
 * compared with MathBN; order counts are counts.
 */

export type TierWindow = "rolling" | "calendar_year" | "jalali_year" | "lifetime"

/** The languages a tier has a shopper-facing name in. */
export const TIER_NAME_LANGUAGES = ["fa", "en"] as const
export type TierNameLanguage = (typeof TIER_NAME_LANGUAGES)[number]
/** A tier's name per shopper language; a missing language reads the shop's `name`. */
export type TierNames = Partial<Record<TierNameLanguage, string>>

/** The name a shopper reads in their language: `names[language]`, else the shop's `name`. */
export function shopperTierName(
  tier: { name: string; names?: TierNames | null },
  language: string | null | undefined
): string {
  const localized = language ? tier.names?.[language as TierNameLanguage] : undefined
  return localized?.trim() ? localized : tier.name
}

/** The shop's default time zone, where a `jalali_year` window starts at Nowruz. */
export const DEFAULT_TIME_ZONE = "Asia/Tehran"

export type TierDefinition = {
  id: string
  name: string
  names?: TierNames | null
  rank: number
  currency_code: string
  min_spend?: string | null
  min_orders?: number | null
  qualification_window: TierWindow
  window_days?: number | null
  cashback_rate?: string | null
  cashback_multiplier?: string | null
  /** The shop's time zone (a `jalali_year` window starts at Nowruz there); default Asia/Tehran. */
  time_zone?: string
}

/** A customer's orders in one window: their count and the spend in the tier's currency. */
export type WindowStats = { orders: number; spend: string; first_order_at?: Date | null }

/** Stats per window key (see `windowKey`). */
export type CustomerStats = Record<string, WindowStats>

export type CustomerTierState = {
  tier_id: string | null
  pinned: boolean
  below_since: Date | null
}

const DAY = 24 * 60 * 60 * 1000
const EMPTY: WindowStats = { orders: 0, spend: "0" }

export const windowKey = (t: Pick<TierDefinition, "qualification_window" | "window_days">) =>
  t.qualification_window === "rolling" ? `rolling:${t.window_days}` : t.qualification_window

/** Where a tier's window starts at `now` (null: the customer's whole history). */
export function windowStart(
  t: Pick<TierDefinition, "qualification_window" | "window_days" | "time_zone">,
  now: Date
): Date | null {
  if (t.qualification_window === "rolling") {
    return new Date(now.getTime() - (t.window_days ?? 0) * DAY)
  }
  if (t.qualification_window === "calendar_year") {
    return new Date(Date.UTC(now.getUTCFullYear(), 0, 1))
  }
  if (t.qualification_window === "jalali_year") {
    return jalaliYearBounds(now, t.time_zone ?? DEFAULT_TIME_ZONE).start
  }
  return null
}

export const statsFor = (t: TierDefinition, stats: CustomerStats | undefined) =>
  stats?.[windowKey(t)] ?? EMPTY

/** Whether the stats meet every threshold the tier sets. */
export function meets(t: TierDefinition, stats: CustomerStats | undefined): boolean {
  const s = statsFor(t, stats)
  if (t.min_orders != null && s.orders < t.min_orders) {
    return false
  }
  if (t.min_spend != null && MathBN.lt(s.spend, t.min_spend)) {
    return false
  }
  return t.min_orders != null || t.min_spend != null
}

/** The highest-ranked tier the stats qualify for, or null. */
export function qualifiedTier(
  tiers: TierDefinition[],
  stats: CustomerStats | undefined
): TierDefinition | null {
  let best: TierDefinition | null = null
  for (const t of tiers) {
    if ((!best || t.rank > best.rank) && meets(t, stats)) {
      best = t
    }
  }
  return best
}

export type TierDecision = {
  /** Set when the customer moves: the tier they move to (null: none). */
  to?: { tier_id: string | null }
  /** The new `below_since`, when it changes. */
  below_since?: Date | null
}

/**
 * What happens to a customer. `order`: a new order can only lift them (up at
 * once, never down). `evaluation`: up at once too; below their tier, the
 * first evaluation starts the grace period and one at or after its end moves
 * them down to what they qualify for. Pinned customers stay put. A tier that
 * no longer exists counts as rank -1, so its members move at once.
 */
export function decideTier(
  state: CustomerTierState,
  qualified: TierDefinition | null,
  rankOf: Map<string, number>,
  options: { mode: "order" | "evaluation"; now: Date; grace_days: number }
): TierDecision {
  if (state.pinned) {
    return {}
  }
  const current = state.tier_id ? rankOf.get(state.tier_id) ?? -1 : -1
  const target = qualified ? qualified.rank : -1
  const targetId = qualified?.id ?? null
  if (target > current || (state.tier_id && current === -1 && targetId !== state.tier_id)) {
    return { to: { tier_id: targetId }, below_since: null }
  }
  if (options.mode === "order") {
    return {}
  }
  if (target === current) {
    return state.below_since ? { below_since: null } : {}
  }
  if (!state.below_since) {
    if (options.grace_days <= 0) {
      return { to: { tier_id: targetId }, below_since: null }
    }
    return { below_since: options.now }
  }
  if (options.now.getTime() - state.below_since.getTime() >= options.grace_days * DAY) {
    return { to: { tier_id: targetId }, below_since: null }
  }
  return {}
}

export type TierProgress = {
  tier_id: string
  window_starts_at: string | null
  /**
   * When the window closes (calendar year: 1 January next; Jalali year: the
   * next Nowruz; rolling: when the oldest order counted leaves it); null for
   * lifetime.
   */
  window_ends_at: string | null
  spend: string
  orders: number
  spend_needed: string | null
  orders_needed: number | null
}

/** How far the stats are from a tier. */
export function progressTo(t: TierDefinition, stats: CustomerStats | undefined, now: Date): TierProgress {
  const s = statsFor(t, stats)
  const start = windowStart(t, now)
  let end: Date | null = null
  if (t.qualification_window === "calendar_year") {
    end = new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1))
  } else if (t.qualification_window === "jalali_year") {
    end = jalaliYearBounds(now, t.time_zone ?? DEFAULT_TIME_ZONE).end
  } else if (t.qualification_window === "rolling" && s.first_order_at) {
    end = new Date(new Date(s.first_order_at).getTime() + (t.window_days ?? 0) * DAY)
  }
  const spendNeeded =
    t.min_spend != null ? MathBN.max(MathBN.sub(t.min_spend, s.spend), 0).toFixed() : null
  return {
    tier_id: t.id,
    window_starts_at: start?.toISOString() ?? null,
    window_ends_at: end?.toISOString() ?? null,
    spend: MathBN.convert(s.spend).toFixed(),
    orders: s.orders,
    spend_needed: spendNeeded,
    orders_needed: t.min_orders != null ? Math.max(t.min_orders - s.orders, 0) : null,
  }
}

const invalid = (message: string, code: LoyaltyErrorCodeValue) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, message, code)

/**
 * Checks one tier's fields, then the whole set in rank order: one currency,
 * distinct ranks, and each tier asking for more than the one below it (every
 * threshold the lower tier sets is set and at least as high, one of them
 * higher), so reaching a tier means having reached the ones below. The
 * windows are not compared. Throws INVALID_DATA naming the field.
 */
export function validateTiers(tiers: (Omit<TierDefinition, "min_spend" | "cashback_rate" | "cashback_multiplier"> & {
  min_spend?: unknown
  cashback_rate?: unknown
  cashback_multiplier?: unknown
})[]) {
  for (const t of tiers) {
    const currency = t.currency_code?.toLowerCase()
    if (!currency || !isKnownCurrency(currency)) {
      throw invalid(`currency_code (${t.currency_code}) is not a known currency code`, LoyaltyErrorCode.CURRENCY_UNKNOWN)
    }
    notNegative("min_spend", t.min_spend, currency)
    if (t.min_orders != null && (!Number.isInteger(t.min_orders) || t.min_orders < 0)) {
      throw invalid(`min_orders must be a whole number of at least 0, got ${t.min_orders}`, LoyaltyErrorCode.MIN_ORDERS_INVALID)
    }
    const positive =
      (t.min_orders ?? 0) > 0 || (t.min_spend != null && MathBN.gt(t.min_spend as any, 0))
    if (!positive) {
      throw invalid(
        `Tier ${t.name}: set min_spend or min_orders (above 0) to qualify for it`,
        LoyaltyErrorCode.TIER_THRESHOLD_REQUIRED
      )
    }
    if (t.qualification_window === "rolling" && !t.window_days) {
      throw invalid("window_days is required when qualification_window is rolling", LoyaltyErrorCode.WINDOW_DAYS_REQUIRED)
    }
    if (t.qualification_window !== "rolling" && t.window_days) {
      throw invalid("window_days is only used when qualification_window is rolling", LoyaltyErrorCode.WINDOW_DAYS_NOT_USED)
    }
    if (t.cashback_rate != null) {
      rate("cashback_rate", t.cashback_rate)
    }
    if (t.cashback_multiplier != null) {
      rate("cashback_multiplier", t.cashback_multiplier)
    }
  }
  const first = tiers[0]
  for (const t of tiers) {
    if (t.currency_code.toLowerCase() !== first.currency_code.toLowerCase()) {
      throw invalid(
        `currency_code of ${t.name} (rank ${t.rank}) is ${t.currency_code.toUpperCase()}, the other tiers count spend in ${first.currency_code.toUpperCase()}`,
        LoyaltyErrorCode.TIER_CURRENCY_MISMATCH
      )
    }
  }
  const sorted = [...tiers].sort((a, b) => a.rank - b.rank)
  for (let i = 1; i < sorted.length; i++) {
    const lower = sorted[i - 1]
    const higher = sorted[i]
    const name = (t: typeof lower) => `${t.name} (rank ${t.rank})`
    if (lower.rank === higher.rank) {
      throw invalid(`rank ${higher.rank} is used by both ${lower.name} and ${higher.name}`, LoyaltyErrorCode.TIER_RANK_TAKEN)
    }
    let higherSomewhere = false
    if (lower.min_spend != null) {
      if (higher.min_spend == null || MathBN.lt(higher.min_spend as any, lower.min_spend as any)) {
        throw invalid(
          `min_spend of ${name(higher)} must be at least ${MathBN.convert(lower.min_spend as any).toFixed()} ${lower.currency_code.toUpperCase()}, the min_spend of ${name(lower)}`,
          LoyaltyErrorCode.TIER_MIN_SPEND_BELOW_LOWER
        )
      }
      higherSomewhere ||= MathBN.gt(higher.min_spend as any, lower.min_spend as any)
    } else if (higher.min_spend != null) {
      higherSomewhere = true
    }
    // Any spend takes an order: a higher tier with a spend threshold asks
    // for at least one order without saying so.
    const impliedOrders =
      higher.min_orders ?? (higher.min_spend != null && MathBN.gt(higher.min_spend as any, 0) ? 1 : null)
    if (lower.min_orders != null) {
      if (impliedOrders == null || impliedOrders < lower.min_orders) {
        throw invalid(
          `min_orders of ${name(higher)} must be at least ${lower.min_orders}, the min_orders of ${name(lower)}`,
          LoyaltyErrorCode.TIER_MIN_ORDERS_BELOW_LOWER
        )
      }
      higherSomewhere ||= impliedOrders > lower.min_orders
    } else if (higher.min_orders != null) {
      higherSomewhere = true
    }
    if (!higherSomewhere) {
      throw invalid(
        `The thresholds of ${name(higher)} overlap those of ${name(lower)}: a higher tier must ask for more`,
        LoyaltyErrorCode.TIER_THRESHOLDS_OVERLAP
      )
    }
  }
}
