// Discount code batches, their codes and a customer's codes and gifts, as
// the admin API serves them (/admin/loyalty/code-batches,
// /admin/loyalty/customers/:id/gifts), with their query keys.
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { api } from "./api"
import { loyaltyKeys } from "./query"

export type BatchKind = "bulk" | "personal"
export type BatchStatus = "creating" | "active" | "disabled" | "failed"
export type DiscountType = "percentage" | "fixed"
export type DiscountTarget = "items" | "order" | "shipping"
export type BudgetType = "usage" | "spend"

export const BATCH_KINDS: BatchKind[] = ["bulk", "personal"]
export const BATCH_STATUSES: BatchStatus[] = ["creating", "active", "disabled", "failed"]
export const DISCOUNT_TARGETS: DiscountTarget[] = ["items", "order", "shipping"]

/** Amounts per currency, as decimal strings in API units (IRR in Rial). */
export type Amounts = Record<string, string>

export type CampaignBudget = {
  type: BudgetType
  /** Uses (usage) or an amount in `currency_code` (spend). */
  limit: string | number
  used: string | number
  currency_code: string | null
}

export type BatchStats = {
  codes: number
  used: number
  /** Percent of the codes used, e.g. "12.5". */
  redemption_rate: string
  /** What orders that used a code came to, per currency. */
  revenue: Amounts
  /** The discount those orders got, per currency. */
  discount: Amounts
}

/** One batch, as GET /admin/loyalty/code-batches lists it. */
export type CodeBatch = {
  id: string
  name: string
  kind: BatchKind
  status: BatchStatus
  campaign_id: string | null
  discount_type: DiscountType
  target: DiscountTarget
  value: string
  currency_code: string | null
  max_discount: Amounts | null
  min_basket: Amounts | null
  starts_at: string | null
  ends_at: string | null
  valid_days: number | null
  product_ids: string[] | null
  category_ids: string[] | null
  customer_group_ids: string[] | null
  /** Saved segments a shopper must be in to use a code; null: anyone. */
  segment_ids?: string[] | null
  prefix: string | null
  quantity: number
  issued: number
  error: string | null
  disabled_at: string | null
  created_at: string
  stats?: BatchStats
  campaign?: { id: string; budget: CampaignBudget | null } | null
}

/** The body of POST /admin/loyalty/code-batches. */
export type CodeBatchInput = {
  name: string
  kind: BatchKind
  discount_type: DiscountType
  target: DiscountTarget
  value: string
  currency_code?: string
  max_discount?: Amounts
  min_basket?: Amounts
  starts_at?: string
  ends_at?: string
  valid_days?: number
  product_ids?: string[]
  category_ids?: string[]
  customer_group_ids?: string[]
  segment_ids?: string[]
  prefix?: string
  quantity?: number
  budget?: { type: BudgetType; limit: string | number; currency_code?: string }
}

/** One code of a batch. */
export type BatchCode = {
  id: string
  code: string
  customer_id: string | null
  expires_at: string | null
  used: boolean
  order_id: string | null
  disabled_at: string | null
}

/** What a code takes off (src/utils/discount-codes.ts DiscountSummary). */
export type DiscountSummary = {
  discount_type: DiscountType
  value: string
  currency_code: string | null
  max_discount: Amounts | null
}

export type GiftState = "available" | "used" | "expired" | "disabled"

/** A customer's code or credit gift, as GET /admin/loyalty/customers/:id/gifts lists them. */
export type Gift = {
  id: string
  type: "code" | "credit"
  /** The occasion that gave it (its kind), or null (an admin's gift, a bulk code). */
  occasion: string | null
  code: string | null
  discount: DiscountSummary | null
  amount: string | null
  currency_code: string | null
  state: GiftState
  expires_at: string | null
  created_at: string
}

export const BATCHES = "/admin/loyalty/code-batches"

export const codeKeys = {
  all: () => [...loyaltyKeys.all, "code-batches"] as const,
  list: (query: object) => [...codeKeys.all(), "list", query] as const,
  batch: (id: string) => [...codeKeys.all(), "batch", id] as const,
  codes: (id: string, query: object) => [...codeKeys.batch(id), "codes", query] as const,
  gifts: (customerId: string) => [...loyaltyKeys.customer(customerId), "gifts"] as const,
}

type Page<K extends string, T> = { [key in K]: T[] } & { count: number; offset: number; limit: number }

// A batch whose codes are still being made is read again every few seconds.
const whileCreating = (creating: boolean) => (creating ? 2000 : false)

/** A page of batches, newest first. */
export function useCodeBatches(query: {
  limit: number
  offset: number
  kind?: BatchKind
  status?: BatchStatus
  q?: string
}) {
  return useQuery({
    queryKey: codeKeys.list(query),
    queryFn: () => api<Page<"code_batches", CodeBatch>>(BATCHES, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      whileCreating(!!q.state.data?.code_batches.some((b) => b.status === "creating")),
  })
}

/** The personal batches codes can be given from (active ones), for pickers. */
export function usePersonalBatches(enabled = true) {
  return useQuery({
    queryKey: codeKeys.list({ kind: "personal", limit: 100, offset: 0 }),
    queryFn: () =>
      api<Page<"code_batches", CodeBatch>>(BATCHES, {
        query: { kind: "personal", limit: 100, offset: 0 },
      }),
    select: (data) => data.code_batches,
    enabled,
  })
}

/** One batch with its stats. */
export function useCodeBatch(id: string) {
  return useQuery({
    queryKey: codeKeys.batch(id),
    queryFn: () => api<{ code_batch: CodeBatch }>(`${BATCHES}/${id}`),
    select: (data) => data.code_batch,
    refetchInterval: (q) => whileCreating(q.state.data?.code_batch.status === "creating"),
  })
}

/** A page of a batch's codes, searched by `q`. */
export function useBatchCodes(
  id: string,
  query: { limit: number; offset: number; q?: string },
  creating: boolean
) {
  return useQuery({
    queryKey: codeKeys.codes(id, query),
    queryFn: () => api<Page<"codes", BatchCode>>(`${BATCHES}/${id}/codes`, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: whileCreating(creating),
  })
}

/** A customer's codes and gifts, newest first. */
export function useCustomerGifts(customerId: string) {
  return useQuery({
    queryKey: codeKeys.gifts(customerId),
    queryFn: () =>
      api<Page<"gifts", Gift>>(`/admin/loyalty/customers/${customerId}/gifts`, {
        query: { limit: 50, offset: 0 },
      }),
  })
}

/** How far a bulk batch's codes are made, 0–100. */
export const issuedPercent = (batch: Pick<CodeBatch, "issued" | "quantity">) =>
  batch.quantity > 0 ? Math.min(100, Math.floor((batch.issued / batch.quantity) * 100)) : 0

/** The store's records a page shows by name: customers by id. */
export function useCustomerNames(ids: string[]) {
  const unique = Array.from(new Set(ids)).sort()
  return useQuery({
    queryKey: loyaltyKeys.resources("customer-names", unique.join(",")),
    queryFn: () =>
      api<{
        customers: { id: string; first_name: string | null; last_name: string | null; email: string | null }[]
      }>("/admin/customers", {
        query: { id: unique, limit: unique.length, fields: "id,first_name,last_name,email" },
      }),
    select: (data) =>
      new Map(
        data.customers.map((c) => [
          c.id,
          [c.first_name, c.last_name].filter((p) => p && p.trim()).join(" ") || c.email || "",
        ])
      ),
    enabled: unique.length > 0,
    placeholderData: keepPreviousData,
  })
}
