// Shoppers' answers after a purchase, as the admin API serves them: the
// list with its filters, the average and the NPS-style share per week or
// month, and one customer's answers for their club card.
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { api } from "./api"
import { useLoyaltyTranslation } from "./i18n"
import { loyaltyKeys } from "./query"

export type FeedbackChannel = "online" | "till"

/** One answer, as GET /admin/loyalty/feedback lists it. */
export type FeedbackRow = {
  id: string
  order_id: string
  order_display_id: number | string | null
  customer: {
    id: string
    first_name: string | null
    last_name: string | null
    phone: string | null
  } | null
  channel: FeedbackChannel
  location: string | null
  /** 1 to 5. */
  rating: number
  comment: string | null
  answered_at: string
  /** The apology gift a low rating got, if any. */
  gift: { amount: string; currency_code: string } | null
}

/** Figures of a set of answers; shares are percents (0 to 100). */
export type FeedbackFigures = {
  count: number
  average: number | string | null
  promoters_share: number | string | null
  detractors_share: number | string | null
  /** promoters_share - detractors_share, from -100 to 100. */
  score?: number | string | null
}

export type FeedbackInterval = "week" | "month"

/** Gregorian: weeks from Monday, calendar months. Persian: weeks from Saturday, Jalali months. */
export type FeedbackCalendar = "gregorian" | "persian"

export type FeedbackStats = {
  interval: FeedbackInterval
  calendar: FeedbackCalendar
  summary: FeedbackFigures & { low_count: number }
  /** Each period from its start to the next one's (`period_end`, excluded), in the shop's time zone. */
  series: (FeedbackFigures & { period_start: string; period_end: string })[]
}

/** The list's filters as the page holds them; "" is any. */
export type FeedbackFilters = {
  ratings: number[]
  channel: FeedbackChannel | ""
  location: string
  /** ISO instants: the first moment of the first day, and of the day after the last (excluded). */
  from: string
  to: string
}

export const NO_FILTERS: FeedbackFilters = {
  ratings: [],
  channel: "",
  location: "",
  from: "",
  to: "",
}

export const RATINGS = [1, 2, 3, 4, 5] as const

/** The filters as the API's query (rating=1,2&channel=till...). */
function filterQuery(filters: FeedbackFilters) {
  return {
    rating: filters.ratings.length ? [...filters.ratings].sort().join(",") : undefined,
    channel: filters.channel || undefined,
    location: filters.location || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  }
}

const feedbackKeys = {
  all: () => [...loyaltyKeys.all, "feedback"] as const,
  list: (filters: FeedbackFilters, limit: number, offset: number) =>
    [...feedbackKeys.all(), "list", filters, limit, offset] as const,
  stats: (filters: FeedbackFilters, interval: FeedbackInterval, calendar: FeedbackCalendar) =>
    [...feedbackKeys.all(), "stats", filters, interval, calendar] as const,
  customer: (customerId: string) =>
    [...loyaltyKeys.customer(customerId), "feedback"] as const,
}

/** What an apology gift or a new answer changes. */
export const feedbackRootKey = feedbackKeys.all

/** A page of answers, newest first; the last page stays on screen while the next loads. */
export function useFeedbackList(filters: FeedbackFilters, limit: number, offset: number) {
  return useQuery({
    queryKey: feedbackKeys.list(filters, limit, offset),
    queryFn: () =>
      api<{ feedback: FeedbackRow[]; count: number; limit: number; offset: number }>(
        "/admin/loyalty/feedback",
        { query: { ...filterQuery(filters), limit, offset } }
      ),
    placeholderData: keepPreviousData,
  })
}

/**
 * The figures of the answers the filters pick, in the shop's time zone, one
 * row per week or month of the calendar the admin reads dates in: Jalali
 * months and weeks from Saturday in Persian, Gregorian ones otherwise. The
 * rating filter is left out: a share of only the low ratings says nothing.
 */
export function useFeedbackStats(filters: FeedbackFilters, interval: FeedbackInterval) {
  const { language } = useLoyaltyTranslation()
  const calendar: FeedbackCalendar = language === "fa" ? "persian" : "gregorian"
  const overall: FeedbackFilters = { ...filters, ratings: [] }
  return useQuery({
    queryKey: feedbackKeys.stats(overall, interval, calendar),
    queryFn: () =>
      api<FeedbackStats>("/admin/loyalty/feedback/stats", {
        query: { ...filterQuery(overall), interval, calendar },
      }),
    placeholderData: keepPreviousData,
  })
}

/** One customer's answers, newest first, with their count and average. */
export function useCustomerFeedback(customerId: string) {
  return useQuery({
    queryKey: feedbackKeys.customer(customerId),
    queryFn: () =>
      api<{ feedback: FeedbackRow[]; summary: { count: number; average: number | string | null } }>(
        `/admin/loyalty/customers/${customerId}/feedback`
      ),
  })
}

/** A share in percent as a whole one (35.6 -> 36); null for none. */
export function sharePercent(share: number | string | null | undefined) {
  if (share === null || share === undefined || share === "") return null
  const n = Number(share)
  return Number.isFinite(n) ? Math.round(n) : null
}

/** An average rating to one decimal ("4.25" -> 4.3); null for none. */
export function averageRating(average: number | string | null | undefined) {
  if (average === null || average === undefined || average === "") return null
  const n = Number(average)
  return Number.isFinite(n) ? Math.round(n * 10) / 10 : null
}

/** The NPS-style score of figures: promoters minus detractors, in whole percent. */
export function scorePercent(figures: FeedbackFigures) {
  if (figures.score !== undefined && figures.score !== null) {
    return sharePercent(figures.score)
  }
  const promoters = sharePercent(figures.promoters_share)
  const detractors = sharePercent(figures.detractors_share)
  return promoters === null || detractors === null ? null : promoters - detractors
}

/** Milliseconds the zone's clock is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)])
  )
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return wall - Math.floor(instant / 1000) * 1000
}

/**
 * The first instant of a picked calendar day (`days` later) in the shop's
 * time zone: a day picked in the admin is the shop's day, wherever the
 * browser is. Without a zone the browser's.
 */
export function shopDayStart(picked: Date, timeZone: string | undefined, days = 0) {
  const y = picked.getFullYear()
  const m = picked.getMonth()
  const d = picked.getDate() + days
  if (!timeZone) {
    return new Date(y, m, d)
  }
  try {
    const utc = Date.UTC(y, m, d)
    // Twice: the offset at the day's start can differ from that at UTC midnight.
    const first = utc - zoneOffset(utc, timeZone)
    return new Date(utc - zoneOffset(first, timeZone))
  } catch {
    return new Date(y, m, d)
  }
}
