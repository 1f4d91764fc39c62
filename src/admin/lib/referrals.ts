// The referral programme as the admin API serves it (/admin/loyalty/referrals,
// /admin/loyalty/customers/:id/referrals): its settings, the referrals with
// their status and reasons, the top referrers and a customer's referrals,
// with their query keys and the words of each status and reason (literal
// keys, for the i18n test).
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { api } from "./api"
import { CurrencyAmount } from "./client"
import { loyaltyKeys } from "./query"

export type ReferralStatus =
  | "joined"
  | "ordered"
  | "held"
  | "pending"
  | "rewarded"
  | "refused"
  | "reversed"

/** The statuses in the order a referral goes through them, the unhappy ends last. */
export const REFERRAL_STATUSES: ReferralStatus[] = [
  "joined",
  "ordered",
  "held",
  "pending",
  "rewarded",
  "refused",
  "reversed",
]

export type ReferralChannel = "online" | "kiosk" | "till"

export type FriendGiftType = "none" | "code" | "credit"

/** Amounts per currency, as decimal strings in API units (IRR in Rial). */
export type Amounts = Record<string, string>

/** The programme: one row; a missing row reads as the model's defaults. */
export type ReferralProgram = {
  enabled: boolean
  friend_gift_type: FriendGiftType
  friend_batch_id: string | null
  friend_credit: Amounts | null
  friend_credit_valid_days: number
  min_order_amount: Amounts | null
  referrer_credit: Amounts | null
  referrer_credit_valid_days: number | null
  hold_days: number
  /** A decimal (string, or a number from an older answer); null: no bonus. */
  referrer_percent: string | number | null
  referrer_orders: number
  referrer_monthly_cap: number
  daily_source_limit: number
  credit_share_hold: number
  require_verified_phone: boolean
  share_url: string | null
}

/** GET|POST /admin/loyalty/referrals/program. */
export type ReferralProgramAnswer = {
  program: ReferralProgram
  /** The plugin's public_url: the share link's start when the programme names none. */
  share_url_default: string | null
}

export type CustomerBrief = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
}

export type Referral = {
  id: string
  code: string
  channel: ReferralChannel
  status: ReferralStatus
  reasons: string[] | null
  held_stage: "claim" | "order" | null
  referrer_id: string
  friend_id: string
  order_id: string | null
  order_total: string | null
  currency_code: string | null
  referrer_amount: string | null
  available_at: string | null
  rewarded_at: string | null
  reversed_at: string | null
  bonus_orders: number
  friend_code_id: string | null
  friend_transaction_id: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  created_at: string
  referrer: CustomerBrief | null
  friend: CustomerBrief | null
}

export type ReferralCounts = Record<ReferralStatus, number>

export type TopReferrer = {
  customer: CustomerBrief
  code: string
  /** Referrals not refused. */
  referrals: number
  /** Friends who reached a qualifying order. */
  ordered: number
  rewarded: number
  pending: number
  earned: CurrencyAmount[]
  pending_amount: CurrencyAmount[]
}

export type ReferralStats = {
  invited: number
  joined: number
  ordered: number
  rewarded: number
  pending: CurrencyAmount[]
  earned: CurrencyAmount[]
}

/** GET /admin/loyalty/customers/:id/referrals. */
export type CustomerReferrals = {
  code: string
  link: string
  referred_by: Referral | null
  referrals: Referral[]
  stats: ReferralStats
}

export const STATUS_LABEL = {
  joined: "referrals.status.joined",
  ordered: "referrals.status.ordered",
  held: "referrals.status.held",
  pending: "referrals.status.pending",
  rewarded: "referrals.status.rewarded",
  refused: "referrals.status.refused",
  reversed: "referrals.status.reversed",
} as const satisfies Record<ReferralStatus, string>

export const STATUS_HINT = {
  joined: "referrals.statusHint.joined",
  ordered: "referrals.statusHint.ordered",
  held: "referrals.statusHint.held",
  pending: "referrals.statusHint.pending",
  rewarded: "referrals.statusHint.rewarded",
  refused: "referrals.statusHint.refused",
  reversed: "referrals.statusHint.reversed",
} as const satisfies Record<ReferralStatus, string>

export const STATUS_COLOR = {
  joined: "grey",
  ordered: "blue",
  held: "orange",
  pending: "purple",
  rewarded: "green",
  refused: "red",
  reversed: "grey",
} as const satisfies Record<ReferralStatus, "grey" | "blue" | "orange" | "purple" | "green" | "red">

export const CHANNEL_LABEL = {
  online: "referrals.channels.online",
  kiosk: "referrals.channels.kiosk",
  till: "referrals.channels.till",
} as const satisfies Record<ReferralChannel, string>

/** Why a referral was refused or held; another reason shows as it came. */
export const REASON_LABEL: Record<string, string> = {
  self_referral: "referrals.reasons.self_referral",
  self_phone: "referrals.reasons.self_phone",
  self_email: "referrals.reasons.self_email",
  self_address: "referrals.reasons.self_address",
  friend_ordered: "referrals.reasons.friend_ordered",
  friend_phone_seen: "referrals.reasons.friend_phone_seen",
  referrer_cap: "referrals.reasons.referrer_cap",
  shop_refused: "referrals.reasons.shop_refused",
  many_from_address: "referrals.reasons.many_from_address",
  many_from_device: "referrals.reasons.many_from_device",
  paid_with_credit: "referrals.reasons.paid_with_credit",
}

const REFERRALS = "/admin/loyalty/referrals"

export const referralKeys = {
  all: () => [...loyaltyKeys.all, "referrals"] as const,
  program: () => [...referralKeys.all(), "program"] as const,
  list: (query: object) => [...referralKeys.all(), "list", query] as const,
  top: (query: object) => [...referralKeys.all(), "top", query] as const,
  customer: (customerId: string) => [...loyaltyKeys.customer(customerId), "referrals"] as const,
}

/** The programme and the share link's default start. */
export function useReferralProgram() {
  return useQuery({
    queryKey: referralKeys.program(),
    queryFn: () => api<ReferralProgramAnswer>(`${REFERRALS}/program`),
  })
}

export const saveReferralProgram = (body: Partial<Record<keyof ReferralProgram, unknown>>) =>
  api<ReferralProgramAnswer>(`${REFERRALS}/program`, { method: "POST", body })

export type ReferralQuery = {
  limit: number
  offset: number
  status?: ReferralStatus
  q?: string
  referrer_id?: string
}

/** A page of referrals, newest first, with the count of each status. */
export function useReferrals(query: ReferralQuery) {
  return useQuery({
    queryKey: referralKeys.list(query),
    queryFn: () =>
      api<{
        referrals: Referral[]
        count: number
        limit: number
        offset: number
        counts: ReferralCounts
      }>(REFERRALS, { query }),
    placeholderData: keepPreviousData,
  })
}

/** The members who brought the most friends, since `from` (ISO) or ever. */
export function useTopReferrers(query: { limit: number; from?: string }) {
  return useQuery({
    queryKey: referralKeys.top(query),
    queryFn: () => api<{ referrers: TopReferrer[] }>(`${REFERRALS}/top`, { query }),
    select: (data) => data.referrers,
    placeholderData: keepPreviousData,
  })
}

/** A held referral let through. */
export const approveReferral = (id: string) =>
  api<{ referral: Referral }>(`${REFERRALS}/${id}/approve`, { method: "POST", body: {} })

/** A held referral refused: nothing is paid. */
export const refuseReferral = (id: string) =>
  api<{ referral: Referral }>(`${REFERRALS}/${id}/refuse`, { method: "POST", body: {} })

/** A customer's code, link, who referred them and whom they referred. */
export function useCustomerReferrals(customerId: string) {
  return useQuery({
    queryKey: referralKeys.customer(customerId),
    queryFn: () => api<CustomerReferrals>(`/admin/loyalty/customers/${customerId}/referrals`),
  })
}

/**
 * What a review changes: every list of referrals, and both customers'
 * referrals, wallets and club cards (an approval pays credit).
 */
export const reviewedKeys = (referral: Referral) => [
  referralKeys.all(),
  loyaltyKeys.wallets(),
  loyaltyKeys.customer(referral.referrer_id),
  loyaltyKeys.customer(referral.friend_id),
]
