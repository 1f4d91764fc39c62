// Tiers as the admin reads them: the types the tiers API answers (with the
// names shoppers read per language and the Jalali-year window), the shop's
// tiers by rank, a tier's name in the admin's language, and sentences with
// their values in bidi isolation.
import { useQuery } from "@tanstack/react-query"
import { createElement, ReactElement, useMemo } from "react"
import { Trans } from "react-i18next"
import { Data } from "../components/ltr"
import { LOYALTY_NAMESPACE } from "../i18n"
import { api } from "./api"
import {
  CustomerTier,
  Tier,
  TierBrief,
  TierHistoryEntry,
  TierHistoryReason,
  TierInput,
  TierProgress,
} from "./client"
import { useFormat } from "./format"
import { AdminLanguage, useLoyaltyTranslation } from "./i18n"
import { loyaltyKeys } from "./query"

export type TierWindow = "rolling" | "calendar_year" | "jalali_year" | "lifetime"

/** The names shoppers read (SMS, store, receipt), per language. */
export type TierNames = { fa?: string; en?: string }

/** A tier as GET /admin/loyalty/tiers answers it. */
export type AdminTier = Omit<Tier, "qualification_window"> & {
  names: TierNames | null
  qualification_window: TierWindow
}

/** The body of POST /admin/loyalty/tiers(/:id). */
export type AdminTierInput = Omit<TierInput, "qualification_window"> &
  Pick<AdminTier, "names" | "qualification_window">

export type AdminTierBrief = TierBrief & { names?: TierNames | null }

/** A customer's place in the club as the admin API answers it. */
export type AdminCustomerTier = Omit<CustomerTier, "tier" | "qualifies_for" | "next_tier"> & {
  tier: AdminTierBrief | null
  qualifies_for: AdminTierBrief | null
  next_tier: (AdminTierBrief & TierProgress) | null
  history: TierHistoryEntry[]
}

/** The windows, in the order the form offers them, with their labels. */
export const TIER_WINDOWS = ["rolling", "calendar_year", "jalali_year", "lifetime"] as const

export const WINDOW_LABELS = {
  rolling: "tiers.window.rolling",
  calendar_year: "tiers.window.calendar_year",
  jalali_year: "tiers.window.jalali_year",
  lifetime: "tiers.window.lifetime",
} as const satisfies Record<TierWindow, string>

export const WINDOW_HINTS = {
  rolling: "tiers.form.window.hint.rolling",
  calendar_year: "tiers.form.window.hint.calendar_year",
  jalali_year: "tiers.form.window.hint.jalali_year",
  lifetime: "tiers.form.window.hint.lifetime",
} as const satisfies Record<TierWindow, string>

export const HISTORY_REASONS = {
  order: "tiers.customer.history.reason.order",
  evaluation: "tiers.customer.history.reason.evaluation",
  pin: "tiers.customer.history.reason.pin",
  unpin: "tiers.customer.history.reason.unpin",
  tier_deleted: "tiers.customer.history.reason.tier_deleted",
} as const satisfies Record<TierHistoryReason, string>

/** The name the admin reads: the shoppers' name in the admin's language, else the shop's. */
export const tierName = (
  tier: { name: string; names?: TierNames | null },
  language: AdminLanguage
) => (language === "ar" ? undefined : tier.names?.[language]) || tier.name

/** A name inside a plain-text sentence (a title, a toast, a prompt): isolated. */
export const isolate = (text: string) => `\u2068${text}\u2069`

/** The shop's tiers, lowest rank first (shared by the tiers page and the customer widget). */
export function useTiers() {
  return useQuery({
    queryKey: loyaltyKeys.tiers(),
    queryFn: () => api<{ tiers: AdminTier[] }>("/admin/loyalty/tiers"),
    select: (data) => [...data.tiers].sort((a, b) => a.rank - b.rank),
  })
}

/** `tierName` in the admin's language. */
export function useTierName() {
  const { language } = useLoyaltyTranslation()
  return (tier: { name: string; names?: TierNames | null }) => tierName(tier, language)
}

/**
 * A translated sentence whose values (amounts, dates, names) are marked
 * `<v>…</v>` in the JSON: each is isolated (`<bdi dir="auto">`), so a Latin
 * name or an amount never scrambles a right-to-left sentence.
 */
export function TierText({
  i18nKey,
  values,
  count,
}: {
  i18nKey: string
  values?: Record<string, string | number>
  count?: number
}): ReactElement {
  const { t } = useLoyaltyTranslation()
  return createElement(Trans, {
    t,
    ns: LOYALTY_NAMESPACE,
    i18nKey,
    values,
    count,
    components: { v: createElement(Data, { children: null }) },
  } as never)
}

/**
 * What a tier asks and gives, as short isolated sentences: "15,000,000
 * Toman spent", "2 orders", "3% cashback", "×1.5 multiplier"; its window
 * as a label: "Last 365 days", "Jalali year, from Nowruz".
 */
export function useTierSummary() {
  const { t } = useLoyaltyTranslation()
  const { money, number, percent } = useFormat()
  const text = (key: string, i18nKey: string, values: Record<string, string>, count?: number) =>
    createElement(TierText, { key, i18nKey, values, count })
  return useMemo(() => ({
    thresholds: (tier: Pick<AdminTier, "min_spend" | "min_orders" | "currency_code">) => [
      ...(tier.min_spend != null
        ? [
            text("spend", "tiers.summary.spend", {
              amount: money(tier.min_spend, tier.currency_code),
            }),
          ]
        : []),
      ...(tier.min_orders != null
        ? [
            text(
              "orders",
              "tiers.summary.orders",
              { orders: number(tier.min_orders) },
              tier.min_orders
            ),
          ]
        : []),
    ],
    benefits: (tier: Pick<AdminTier, "cashback_rate" | "cashback_multiplier">) => [
      ...(tier.cashback_rate != null
        ? [text("rate", "tiers.summary.rate", { rate: percent(tier.cashback_rate) })]
        : []),
      ...(tier.cashback_multiplier != null
        ? [
            text("multiplier", "tiers.summary.multiplier", {
              multiplier: number(tier.cashback_multiplier),
            }),
          ]
        : []),
    ],
    window: (tier: Pick<AdminTier, "qualification_window" | "window_days">) =>
      tier.qualification_window === "rolling"
        ? t("tiers.summary.rollingDays", {
            count: tier.window_days ?? 0,
            days: number(tier.window_days ?? 0),
          })
        : t(WINDOW_LABELS[tier.qualification_window]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [money, number, percent, t])
}

/** Splits "12.5" into digits and decimals, for exact comparisons. */
function toScaled(value: string, decimals: number) {
  const [whole, fraction = ""] = value.trim().replace(/^-/, "").split(".")
  const negative = value.trim().startsWith("-")
  const digits = BigInt(`${whole || "0"}${fraction.padEnd(decimals, "0").slice(0, decimals)}`)
  return negative ? -digits : digits
}

/**
 * How far `part` is towards `whole`, in whole percent from 0 to 100, for a
 * progress bar. Exact: the decimal strings are compared as integers.
 */
export function percentOf(part: string, whole: string) {
  const decimals = Math.max(...[part, whole].map((v) => (v.split(".")[1] ?? "").length))
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
