// Saved segments as the admin API serves them (/admin/loyalty/segments): the
// condition tree (the shapes of src/utils/segment-conditions.ts), the words
// of each condition kind, RFM segment, channel and month (literal keys, for
// the i18n test), and the queries and changes of the Segments page.
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { api } from "./api"
import { loyaltyKeys } from "./query"

export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const

export type RfmSegment = (typeof RFM_SEGMENTS)[number]

export type ChannelMix = "online" | "store" | "both"
export const CHANNEL_MIXES: ChannelMix[] = ["online", "store", "both"]

export type SegmentCondition =
  | { field: "tier"; tier_ids: string[] }
  | { field: "balance"; currency_code: string; min?: string; max?: string }
  | { field: "expiring_credit"; within_days: number; currency_code?: string; min?: string }
  | { field: "spend"; window_days: number | null; currency_code: string; min?: string; max?: string }
  | { field: "orders"; window_days: number | null; min?: number; max?: number }
  | { field: "days_since_last_order"; min?: number; max?: number }
  | { field: "rfm_segment"; segments: RfmSegment[] }
  | { field: "r_score" | "f_score" | "m_score" | "l_score"; min?: number; max?: number }
  | { field: "channel_mix"; values: ChannelMix[] }
  | { field: "till_location"; locations: string[] }
  | { field: "interest"; category_ids: string[] }
  | { field: "birthday_month"; months: number[]; calendar: "jalali" | "gregorian" }
  | { field: "customer_group"; group_ids: string[] }
  | { field: "sms_opted_in"; value: boolean }

export type ConditionField = SegmentCondition["field"]

export type SegmentGroup = {
  match: "all" | "any"
  conditions: Array<SegmentCondition | SegmentGroup>
}

export const isGroup = (node: SegmentCondition | SegmentGroup): node is SegmentGroup =>
  "match" in node

/** The API's bounds (src/utils/segment-conditions.ts). */
export const SEGMENT_LIMITS = { depth: 3, leaves: 30 }

/** The condition kinds in the order the builder offers them. */
export const CONDITION_FIELDS: ConditionField[] = [
  "tier",
  "balance",
  "expiring_credit",
  "spend",
  "orders",
  "days_since_last_order",
  "rfm_segment",
  "r_score",
  "f_score",
  "m_score",
  "l_score",
  "channel_mix",
  "till_location",
  "interest",
  "birthday_month",
  "customer_group",
  "sms_opted_in",
]

export const FIELD_LABEL = {
  tier: "segments.fields.tier",
  balance: "segments.fields.balance",
  expiring_credit: "segments.fields.expiring_credit",
  spend: "segments.fields.spend",
  orders: "segments.fields.orders",
  days_since_last_order: "segments.fields.days_since_last_order",
  rfm_segment: "segments.fields.rfm_segment",
  r_score: "segments.fields.r_score",
  f_score: "segments.fields.f_score",
  m_score: "segments.fields.m_score",
  l_score: "segments.fields.l_score",
  channel_mix: "segments.fields.channel_mix",
  till_location: "segments.fields.till_location",
  interest: "segments.fields.interest",
  birthday_month: "segments.fields.birthday_month",
  customer_group: "segments.fields.customer_group",
  sms_opted_in: "segments.fields.sms_opted_in",
} as const satisfies Record<ConditionField, string>

export const RFM_LABEL = {
  champions: "segments.rfm.champions",
  loyal: "segments.rfm.loyal",
  potential_loyalist: "segments.rfm.potential_loyalist",
  new: "segments.rfm.new",
  promising: "segments.rfm.promising",
  need_attention: "segments.rfm.need_attention",
  about_to_sleep: "segments.rfm.about_to_sleep",
  at_risk: "segments.rfm.at_risk",
  cant_lose: "segments.rfm.cant_lose",
  hibernating: "segments.rfm.hibernating",
  lost: "segments.rfm.lost",
} as const satisfies Record<RfmSegment, string>

export const CHANNEL_MIX_LABEL = {
  online: "segments.channels.online",
  store: "segments.channels.store",
  both: "segments.channels.both",
} as const satisfies Record<ChannelMix, string>

export const JALALI_MONTH = [
  "segments.months.jalali.1",
  "segments.months.jalali.2",
  "segments.months.jalali.3",
  "segments.months.jalali.4",
  "segments.months.jalali.5",
  "segments.months.jalali.6",
  "segments.months.jalali.7",
  "segments.months.jalali.8",
  "segments.months.jalali.9",
  "segments.months.jalali.10",
  "segments.months.jalali.11",
  "segments.months.jalali.12",
] as const

export const GREGORIAN_MONTH = [
  "segments.months.gregorian.1",
  "segments.months.gregorian.2",
  "segments.months.gregorian.3",
  "segments.months.gregorian.4",
  "segments.months.gregorian.5",
  "segments.months.gregorian.6",
  "segments.months.gregorian.7",
  "segments.months.gregorian.8",
  "segments.months.gregorian.9",
  "segments.months.gregorian.10",
  "segments.months.gregorian.11",
  "segments.months.gregorian.12",
] as const

/** A new condition of a kind, with what it needs filled in as far as it can be. */
export function newCondition(field: ConditionField, currency: string): SegmentCondition {
  switch (field) {
    case "tier":
      return { field, tier_ids: [] }
    case "balance":
      return { field, currency_code: currency, min: "" }
    case "expiring_credit":
      return { field, within_days: 30, currency_code: currency }
    case "spend":
      return { field, window_days: 90, currency_code: currency, min: "" }
    case "orders":
      return { field, window_days: 90, min: 1 }
    case "days_since_last_order":
      return { field, min: 90 }
    case "rfm_segment":
      return { field, segments: [] }
    case "r_score":
    case "f_score":
    case "m_score":
    case "l_score":
      return { field, min: 4, max: 5 }
    case "channel_mix":
      return { field, values: [] }
    case "till_location":
      return { field, locations: [] }
    case "interest":
      return { field, category_ids: [] }
    case "birthday_month":
      return { field, months: [], calendar: "jalali" }
    case "customer_group":
      return { field, group_ids: [] }
    case "sms_opted_in":
      return { field, value: true }
  }
}

const emptyToUndefined = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined)

/**
 * The tree as the API takes it: empty amounts and bounds left out (an empty
 * field means "no bound"). Whatever is still wrong the API names by path.
 */
export function conditionsBody(group: SegmentGroup): SegmentGroup {
  return {
    match: group.match,
    conditions: group.conditions.map((node) => {
      if (isGroup(node)) return conditionsBody(node)
      const copy: Record<string, unknown> = { ...node }
      for (const key of ["min", "max", "currency_code"]) {
        if (typeof copy[key] === "string") copy[key] = emptyToUndefined(copy[key] as string)
        if (copy[key] === undefined || copy[key] === null) delete copy[key]
      }
      return copy as SegmentCondition
    }),
  }
}

/** Whether a condition has what it needs to be counted (the live count waits otherwise). */
export function isComplete(node: SegmentCondition | SegmentGroup): boolean {
  if (isGroup(node)) return node.conditions.length > 0 && node.conditions.every(isComplete)
  switch (node.field) {
    case "tier":
      return node.tier_ids.length > 0
    case "rfm_segment":
      return node.segments.length > 0
    case "channel_mix":
      return node.values.length > 0
    case "till_location":
      return node.locations.length > 0
    case "interest":
      return node.category_ids.length > 0
    case "birthday_month":
      return node.months.length > 0
    case "customer_group":
      return node.group_ids.length > 0
    case "balance":
    case "spend":
      return !!node.currency_code && (!!emptyToUndefined(node.min) || !!emptyToUndefined(node.max))
    case "expiring_credit":
      return Number.isInteger(node.within_days) && node.within_days > 0
    case "orders":
    case "days_since_last_order":
    case "r_score":
    case "f_score":
    case "m_score":
    case "l_score":
      return node.min !== undefined || node.max !== undefined
    case "sms_opted_in":
      return true
  }
}

export const countLeaves = (group: SegmentGroup): number =>
  group.conditions.reduce((n, c) => n + (isGroup(c) ? countLeaves(c) : 1), 0)

/**
 * The condition an API error names (`conditions[1].conditions[0].min`) as
 * a path of indexes, so the builder can mark it.
 */
export function errorPath(message: string | undefined): number[] | null {
  const match = /conditions((?:\[\d+\](?:\.conditions)?)+)/.exec(message ?? "")
  if (!match) return null
  return Array.from(match[1].matchAll(/\[(\d+)\]/g), (m) => Number(m[1]))
}

export type Segment = {
  id: string
  name: string
  description: string | null
  conditions: SegmentGroup
  customer_count: number | null
  counted_at: string | null
  created_at: string
  updated_at: string
  /** What uses it (when the API answers it). */
  usage?: { campaigns: number; rules: number; batches: number }
}

export type SegmentMember = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  segment: RfmSegment | null
  r_score: number | null
  f_score: number | null
  m_score: number | null
  l_score: number | null
  last_order_at: string | null
}

/** GET /admin/loyalty/segments/options: what the builder offers. */
export type SegmentOptions = {
  tiers: { id: string; name: string }[]
  customer_groups: { id: string; name: string }[]
  locations: string[]
  categories: { id: string; name: string }[]
  rfm_segments: { key: RfmSegment; names: { fa: string; en: string } }[]
  currencies: string[]
}

export const SEGMENTS = "/admin/loyalty/segments"

export const segmentKeys = {
  all: () => [...loyaltyKeys.all, "segments"] as const,
  list: (query: object) => [...segmentKeys.all(), "list", query] as const,
  detail: (id: string) => [...segmentKeys.all(), "detail", id] as const,
  members: (id: string, query: object) => [...segmentKeys.all(), "members", id, query] as const,
  options: () => [...segmentKeys.all(), "options"] as const,
  count: (conditions: unknown) => [...segmentKeys.all(), "count", conditions] as const,
}

export function useSegments(query: { limit: number; offset: number; q?: string }) {
  return useQuery({
    queryKey: segmentKeys.list(query),
    queryFn: () =>
      api<{ segments: Segment[]; count: number; limit: number; offset: number }>(SEGMENTS, { query }),
    placeholderData: keepPreviousData,
  })
}

export function useSegment(id: string) {
  return useQuery({
    queryKey: segmentKeys.detail(id),
    queryFn: () => api<{ segment: Segment }>(`${SEGMENTS}/${id}`),
    select: (data) => data.segment,
    enabled: !!id,
  })
}

export function useSegmentOptions() {
  return useQuery({
    queryKey: segmentKeys.options(),
    queryFn: () => api<SegmentOptions>(`${SEGMENTS}/options`),
    staleTime: 60_000,
  })
}

export function useSegmentMembers(id: string, query: { limit: number; offset: number }) {
  return useQuery({
    queryKey: segmentKeys.members(id, query),
    queryFn: () =>
      api<{ customers: SegmentMember[]; count: number; limit: number; offset: number }>(
        `${SEGMENTS}/${id}/customers`,
        { query }
      ),
    placeholderData: keepPreviousData,
  })
}

/** A value that settles `ms` after its last change. */
export function useDebounced<T>(value: T, ms = 500) {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * The live count while a segment is edited: the conditions half a second
 * after the last change, counted once they are complete.
 */
export function useLiveCount(conditions: SegmentGroup) {
  const body = useDebounced(JSON.stringify(conditionsBody(conditions)), 500)
  // Counted once what is sent (the settled conditions) is complete.
  const complete = isComplete(JSON.parse(body) as SegmentGroup)
  return useQuery({
    queryKey: segmentKeys.count(body),
    queryFn: () =>
      api<{ count: number }>(`${SEGMENTS}/count`, {
        method: "POST",
        body: { conditions: JSON.parse(body) },
      }),
    select: (data) => data.count,
    enabled: complete,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  })
}

export type SegmentInput = { name: string; description: string | null; conditions: SegmentGroup }

export const saveSegment = (id: string | null, body: SegmentInput) =>
  api<{ segment: Segment }>(id ? `${SEGMENTS}/${id}` : SEGMENTS, { method: "POST", body })

export const deleteSegment = (id: string) =>
  api<{ id: string; deleted: boolean }>(`${SEGMENTS}/${id}`, { method: "DELETE" })

/** Every saved segment, for pickers (campaigns, rules, code batches). */
export function useSegmentChoices() {
  return useQuery({
    queryKey: segmentKeys.list({ limit: 100, offset: 0 }),
    queryFn: () =>
      api<{ segments: Segment[]; count: number; limit: number; offset: number }>(SEGMENTS, {
        query: { limit: 100, offset: 0 },
      }),
    select: (data) => data.segments,
    staleTime: 30_000,
  })
}

/** GET /admin/loyalty/customers/:id/scores: a customer's scores, null before the first scoring. */
export type CustomerScore = {
  customer_id: string
  currency_code: string | null
  orders: number
  orders_online: number
  orders_store: number
  monetary: string
  first_order_at: string | null
  last_order_at: string | null
  recency_days: number | null
  member_days: number
  r_score: number
  f_score: number
  m_score: number
  l_score: number
  segment: RfmSegment | null
  previous_segment: RfmSegment | null
  segment_since: string | null
  channel_mix: ChannelMix | null
  interests: { category_id: string; name: string; handle?: string; amount?: string }[] | null
  scored_at: string
}

export function useCustomerScore(customerId: string) {
  return useQuery({
    queryKey: [...loyaltyKeys.customer(customerId), "scores"],
    queryFn: () => api<{ score: CustomerScore | null }>(`/admin/loyalty/customers/${customerId}/scores`),
    select: (data) => data.score,
  })
}
