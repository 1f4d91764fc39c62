// SMS campaigns and automations as the admin API serves them
// (/admin/loyalty/campaigns): their shapes, the words of each status
// (literal keys, for the i18n test), the queries and actions, and the
// shop-clock conversions of the schedule picker.
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { api } from "./api"
import { shopDayStart } from "./feedback"
import { MessageLocale } from "./client"
import { loyaltyKeys } from "./query"

export type CampaignKind = "campaign" | "automation"

export type CampaignStatus =
  | "draft"
  | "scheduled"
  | "queuing"
  | "sending"
  | "paused"
  | "done"
  | "canceled"

export type CampaignGift =
  | null
  | { type: "code"; batch_id: string }
  | { type: "credit"; amounts: Record<string, string>; expires_after_days: number | null }

export type Campaign = {
  id: string
  name: string
  kind: CampaignKind
  segment_id: string
  segment?: { id: string; name: string } | null
  status: CampaignStatus
  is_active: boolean
  bodies: Partial<Record<MessageLocale, string>>
  gift: CampaignGift
  code_batch_id: string | null
  holdout_percent: number
  throttle_per_minute: number | null
  window_days: number
  cooldown_days: number | null
  scheduled_at: string | null
  started_at: string | null
  finished_at: string | null
  recipients: number
  holdout: number
  skipped: number
  /** Messages sent so far (when the list answers it). */
  sent?: number
  created_at: string
}

export type CampaignInput = {
  name: string
  kind?: CampaignKind
  segment_id: string
  bodies: Partial<Record<MessageLocale, string>>
  gift: CampaignGift
  holdout_percent: number
  throttle_per_minute: number | null
  window_days: number
  cooldown_days?: number
  scheduled_at?: string | null
}

export type SmsParts = { encoding: "gsm" | "ucs2"; characters: number; parts: number }

export type CampaignPreview = {
  segment_count: number
  holdout: number
  recipients: number
  skipped: { opted_out: number; no_phone: number }
  parts: Partial<Record<MessageLocale, SmsParts>>
  messages_by_locale: Partial<Record<MessageLocale, number>>
  cost: { amount: string; currency_code: string; per_part: string; gateway: string } | null
}

export type GroupResult = {
  customers: number
  buyers: number
  orders: number
  revenue: string
  revenue_per_head: string
  conversion: number | string
}

export type CampaignResults = {
  status: CampaignStatus
  sent: number
  delivered: number
  failed: number
  skipped: number
  opted_out: number
  gifts: { given: number; used: number }
  window_days: number
  window_ends_at: string | null
  currency_code?: string
  target: GroupResult
  holdout: GroupResult
  lift: {
    revenue_per_head: string
    percent: number | string | null
    ci_low: string
    ci_high: string
    confidence: number
  } | null
}

export type CustomerCampaign = {
  id: string
  name: string
  kind: CampaignKind
  entered_at: string
  holdout: boolean
  message: { status: string; sent_at: string | null; delivery_status: string | null } | null
  gift: { code?: string; amount?: string; currency_code?: string } | null
}

export const CAMPAIGN_STATUSES: CampaignStatus[] = [
  "draft",
  "scheduled",
  "queuing",
  "sending",
  "paused",
  "done",
  "canceled",
]

export const STATUS_LABEL = {
  draft: "campaigns.status.draft",
  scheduled: "campaigns.status.scheduled",
  queuing: "campaigns.status.queuing",
  sending: "campaigns.status.sending",
  paused: "campaigns.status.paused",
  done: "campaigns.status.done",
  canceled: "campaigns.status.canceled",
} as const satisfies Record<CampaignStatus, string>

export const STATUS_COLOR = {
  draft: "grey",
  scheduled: "blue",
  queuing: "purple",
  sending: "purple",
  paused: "orange",
  done: "green",
  canceled: "red",
} as const satisfies Record<CampaignStatus, "grey" | "blue" | "purple" | "orange" | "green" | "red">

/** The variables a campaign's wording may use (the server's list). */
export const CAMPAIGN_VARIABLES = [
  "first_name",
  "store_name",
  "balance",
  "code",
  "discount",
  "amount",
  "expires_at",
  "link",
]

export const CAMPAIGNS = "/admin/loyalty/campaigns"

export const campaignKeys = {
  all: () => [...loyaltyKeys.all, "campaigns"] as const,
  list: (query: object) => [...campaignKeys.all(), "list", query] as const,
  detail: (id: string) => [...campaignKeys.all(), "detail", id] as const,
  results: (id: string) => [...campaignKeys.all(), "results", id] as const,
  preview: (body: string) => [...campaignKeys.all(), "preview", body] as const,
  customer: (customerId: string) => [...loyaltyKeys.customer(customerId), "campaigns"] as const,
}

export function useCampaigns(query: { kind: CampaignKind; limit: number; offset: number; status?: CampaignStatus }) {
  return useQuery({
    queryKey: campaignKeys.list(query),
    queryFn: () =>
      api<{ campaigns: Campaign[]; count: number; limit: number; offset: number }>(CAMPAIGNS, { query }),
    placeholderData: keepPreviousData,
    // A campaign on its way out moves on by itself.
    refetchInterval: (q) =>
      q.state.data?.campaigns.some((c) => c.status === "queuing" || c.status === "sending") ? 10_000 : false,
  })
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: () => api<{ campaign: Campaign }>(`${CAMPAIGNS}/${id}`),
    select: (data) => data.campaign,
    enabled: !!id,
    refetchInterval: (q) => {
      const status = q.state.data?.campaign.status
      return status === "queuing" || status === "sending" ? 10_000 : false
    },
  })
}

export function useCampaignResults(id: string, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.results(id),
    queryFn: () => api<CampaignResults>(`${CAMPAIGNS}/${id}/results`),
    enabled: !!id && enabled,
  })
}

export function useCustomerCampaigns(customerId: string) {
  return useQuery({
    queryKey: campaignKeys.customer(customerId),
    queryFn: () =>
      api<{ campaigns: CustomerCampaign[] }>(`/admin/loyalty/customers/${customerId}/campaigns`),
    select: (data) => data.campaigns,
  })
}

export const saveCampaign = (id: string | null, body: Partial<CampaignInput> & { is_active?: boolean }) =>
  api<{ campaign: Campaign }>(id ? `${CAMPAIGNS}/${id}` : CAMPAIGNS, { method: "POST", body })

export const deleteCampaign = (id: string) =>
  api<{ id: string; deleted: boolean }>(`${CAMPAIGNS}/${id}`, { method: "DELETE" })

export type CampaignAction = "send" | "pause" | "resume" | "cancel"

export const campaignAction = (id: string, action: CampaignAction, body: Record<string, unknown> = {}) =>
  api<{ campaign: Campaign }>(`${CAMPAIGNS}/${id}/${action}`, { method: "POST", body })

export const previewCampaign = (body: {
  segment_id: string
  bodies: Partial<Record<MessageLocale, string>>
  gift?: CampaignGift
  holdout_percent?: number
}) => api<CampaignPreview>(`${CAMPAIGNS}/preview`, { method: "POST", body })

function zoneParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { y: get("year"), m: get("month") - 1, d: get("day"), h: get("hour") % 24, min: get("minute") }
}

/**
 * The picker's date and time (the browser's clock, as the date picker
 * answers) read as the same day and time on the shop's clock: 10:00 picked
 * means 10:00 in the shop, wherever the admin sits.
 */
export function pickedToShopInstant(picked: Date, timeZone: string | undefined) {
  const dayStart = shopDayStart(picked, timeZone)
  return new Date(dayStart.getTime() + (picked.getHours() * 60 + picked.getMinutes()) * 60_000)
}

/** The other way: a stored instant as the picker shows it (the shop's day and time). */
export function shopInstantToPicked(iso: string, timeZone: string | undefined) {
  const at = new Date(iso)
  if (!timeZone) return at
  try {
    const p = zoneParts(at, timeZone)
    return new Date(p.y, p.m, p.d, p.h, p.min)
  } catch {
    return at
  }
}
