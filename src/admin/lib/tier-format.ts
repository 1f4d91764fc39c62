import {
  formatDate,
  formatDecimal,
  formatMoney,
  Tier,
  TierHistoryReason,
  TierWindow,
} from "./client"

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`

/** "Rolling 365 days", "Calendar year" or "Lifetime". */
export function tierWindow(
  tier: Pick<Tier, "qualification_window" | "window_days">
) {
  switch (tier.qualification_window) {
    case "rolling":
      return `Rolling ${plural(tier.window_days ?? 0, "day", "days")}`
    case "calendar_year":
      return "Calendar year"
    default:
      return "Lifetime"
  }
}

export const WINDOW_DESCRIPTIONS: Record<TierWindow, string> = {
  rolling: "The last N days.",
  calendar_year: "Since 1 January (UTC).",
  lifetime: "Every order ever.",
}

/** ["IRR 150,000,000 spent", "2 orders"]: what a customer needs, exact. */
export function tierThresholds(
  tier: Pick<Tier, "min_spend" | "min_orders" | "currency_code">
) {
  const parts: string[] = []
  if (tier.min_spend != null) {
    parts.push(`${formatMoney(tier.min_spend, tier.currency_code)} spent`)
  }
  if (tier.min_orders != null) {
    parts.push(plural(tier.min_orders, "order", "orders"))
  }
  return parts
}

/** ["3% cashback", "×1.5 multiplier"]: what rules that opt in pay. */
export function tierBenefits(
  tier: Pick<Tier, "cashback_rate" | "cashback_multiplier">
) {
  const parts: string[] = []
  if (tier.cashback_rate != null) {
    parts.push(`${formatDecimal(tier.cashback_rate)}% cashback`)
  }
  if (tier.cashback_multiplier != null) {
    parts.push(`×${formatDecimal(tier.cashback_multiplier)} multiplier`)
  }
  return parts
}

export const HISTORY_REASONS: Record<TierHistoryReason, string> = {
  order: "Order",
  evaluation: "Evaluation",
  pin: "Pinned",
  unpin: "Unpinned",
  tier_deleted: "Tier deleted",
}

/** Splits "12.5" into digits and decimals, for exact comparisons. */
function toScaled(value: string, decimals: number) {
  const [whole, fraction = ""] = value.trim().replace(/^-/, "").split(".")
  const negative = value.trim().startsWith("-")
  const digits = BigInt(
    `${whole || "0"}${fraction.padEnd(decimals, "0").slice(0, decimals)}`
  )
  return negative ? -digits : digits
}

/**
 * How far `part` is towards `whole`, in whole percent from 0 to 100, for a
 * progress bar. Exact: the decimal strings are compared as integers.
 */
export function percentOf(part: string, whole: string) {
  const decimals = Math.max(
    ...[part, whole].map((v) => (v.split(".")[1] ?? "").length)
  )
  const p = toScaled(part, decimals)
  const w = toScaled(whole, decimals)
  if (w <= BigInt(0)) {
    return 100
  }
  if (p <= BigInt(0)) {
    return 0
  }
  const share = (p * BigInt(100)) / w
  return share >= BigInt(100) ? 100 : Number(share)
}

/** "since 23 Nov 2025", "in 2026" or "in all": which orders a window counts. */
export function windowSpan(window: TierWindow, startsAt: string | null) {
  if (window === "lifetime" || !startsAt) {
    return "in all"
  }
  if (window === "calendar_year") {
    return `in ${new Date(startsAt).getUTCFullYear()}`
  }
  return `since ${formatDate(startsAt)}`
}
