// Loyalty analytics as the admin API serves it (/admin/loyalty/analytics/*,
// one route per chart): the answers' shapes, their queries under
// loyaltyKeys.analytics(), the rollups' freshness and the refresh. Amounts
// are exact decimal strings in API units (IRR in Rial), ratios decimal
// strings with four places ("0.4286"), counts integers.
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { api } from "./api"
import { AdminLanguage } from "./i18n"
import { loyaltyKeys } from "./query"
import { tierName } from "./tier-format"

const ANALYTICS = "/admin/loyalty/analytics"

export type AnalyticsCalendar = "jalali" | "gregorian"

export type Freshness = {
  built_at: string | null
  duration_ms: number | null
  building: boolean
}

export type AnalyticsPeriod = {
  from: string
  to: string
  previous_from: string
  previous_to: string
}

/** What every figure's answer carries besides its figures. */
export type Envelope = {
  period: AnalyticsPeriod
  currency_code: string
  calendar: AnalyticsCalendar
  freshness: Freshness
}

/** A tier as the answers name it: the shop's name and the shoppers' names. */
export type NamedTier = {
  name: string | null
  names: { fa?: string; en?: string } | null
}

/** A tier's name in the admin's language (the shoppers' name, else the shop's). */
export const analyticsTierName = (tier: NamedTier, language: AdminLanguage) =>
  tierName({ name: tier.name ?? "", names: tier.names }, language)

/** A calendar month: "1405-09" or "2026-11", and its first instant in the shop's time zone. */
export type MonthRow = { month: string; start: string }

export type MembersCore = {
  new: number
  active: number
  orders: number
  member_orders: number
  member_orders_share: string
}

export type MembersFigures = MembersCore & { total: number; previous: MembersCore }

export type AovPair = { members: string; non_members: string }

export type BehaviourFigures = {
  customers: number
  orders: number
  repurchase_rate: string
  frequency: string
  aov: AovPair
  by_tier: (NamedTier & {
    tier_id: string | null
    members: number
    orders: number
    revenue: string
    aov: string
  })[]
  previous: { repurchase_rate: string; frequency: string; aov: AovPair }
}

export type WalletFlows = {
  issued: string
  released: string
  redeemed: string
  expired: string
  taken_back: string
  redemption_rate: string
  member_revenue: string
  cost_share: string
}

export type WalletFigures = WalletFlows & { previous: WalletFlows }

export type LiabilityFigures = {
  total: string
  available: string
  pending: string
  wallets: number
  by_month: (MonthRow & { amount: string })[]
  no_expiry: string
}

export type RetentionFigures = {
  cohorts: (MonthRow & { customers: number; retained: string[] })[]
}

export type ChannelMix = "online" | "store" | "both"

export type LifetimeFigures = {
  by_tier: (NamedTier & { tier_id: string | null; members: number; revenue: string; ltv: string })[]
  by_channel: { mix: ChannelMix; members: number; revenue: string; ltv: string }[]
  by_join_month: (MonthRow & { members: number; revenue: string; ltv: string })[]
}

export type OmnichannelFigures = {
  months: (MonthRow & { online: number; store: number; both: number })[]
  locations: { location: string; orders: number; revenue: string }[]
}

export type TiersFigures = {
  tiers: (NamedTier & { id: string; rank: number })[]
  months: (MonthRow & { members: Record<string, number>; upgrades: number; downgrades: number })[]
}

export type ProgrammeFigures = { cost: string; orders: number; revenue: string }

export type ProgrammesFigures = {
  codes: (ProgrammeFigures & { batch_id: string; name: string })[]
  occasions: (ProgrammeFigures & { kind: string })[]
  referrals: ProgrammeFigures & { referrals: number }
}

/** Each route's figures by its path under /admin/loyalty/analytics. */
export type AnalyticsAnswers = {
  members: MembersFigures
  behaviour: BehaviourFigures
  wallet: WalletFigures
  liability: LiabilityFigures
  retention: RetentionFigures
  "lifetime-value": LifetimeFigures
  omnichannel: OmnichannelFigures
  tiers: TiersFigures
  programmes: ProgrammesFigures
}

export type AnalyticsFigure = keyof AnalyticsAnswers

/** The page's choice: the period as instants [from, to), the currency, the calendar. */
export type AnalyticsQuery = {
  from: string
  to: string
  currency: string
  calendar: AnalyticsCalendar
}

/**
 * One chart's figures for the page's period, currency and calendar. The
 * liability is today's, whatever the period: its key and query leave the
 * period out. The last answer stays on screen while another period loads.
 */
export function useAnalytics<F extends AnalyticsFigure>(figure: F, query: AnalyticsQuery | null) {
  const sent =
    figure === "liability" && query
      ? { currency: query.currency, calendar: query.calendar }
      : query
  return useQuery({
    queryKey: loyaltyKeys.analyticsFigure(figure, sent ?? {}),
    queryFn: () =>
      api<AnalyticsAnswers[F] & Envelope>(`${ANALYTICS}/${figure}`, { query: sent ?? {} }),
    placeholderData: keepPreviousData,
    enabled: !!sent,
    staleTime: 30_000,
  })
}

/** How fresh the rollups are; asked again every few seconds while they are being rebuilt. */
export function useAnalyticsFreshness() {
  return useQuery({
    queryKey: loyaltyKeys.analyticsFreshness(),
    queryFn: () => api<{ freshness: Freshness }>(`${ANALYTICS}/freshness`),
    select: (data) => data.freshness,
    refetchInterval: (q) => (q.state.data?.freshness.building ? 3000 : false),
  })
}

/** Rebuilds the rollups now (the nightly job does it too). */
export const refreshAnalytics = () =>
  api<{ freshness: Freshness }>(`${ANALYTICS}/refresh`, { method: "POST", body: {} })
