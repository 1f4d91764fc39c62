// The batch form's values and how they become the API's body. Values are
// strings as typed: amounts are API amounts (IRR in Rial) the money fields
// show in the shop's unit; dates are the picked days as ISO instants ("" for
// none), sent as the shop's day (from its first moment to its last).
import { amountsToBody } from "../../../../../lib/amounts"
import { BatchKind, BudgetType, CodeBatchInput, DiscountTarget, DiscountType } from "../../../../../lib/codes"
import { shopDayStart } from "../../../../../lib/feedback"

export type BatchValues = {
  name: string
  kind: BatchKind
  discount_type: DiscountType
  target: DiscountTarget
  value: string
  /** Fixed discounts: the one currency the codes work in. */
  currency_code: string
  /** Percent discounts: the most a code takes off, per currency ("" for no cap). */
  max_discount: Record<string, string>
  /** The least the items must come to, per currency ("" for none). */
  min_basket: Record<string, string>
  starts_at: string
  ends_at: string
  /** Personal codes: days each code stays valid after it is given. */
  valid_days: string
  product_ids: string[]
  category_ids: string[]
  customer_group_ids: string[]
  segment_ids: string[]
  prefix: string
  /** Bulk: how many codes to make. */
  quantity: string
  budget_type: "none" | BudgetType
  budget_limit: string
  budget_currency: string
}

export const emptyValues = (currencies: string[]): BatchValues => ({
  name: "",
  kind: "bulk",
  discount_type: "percentage",
  target: "order",
  value: "",
  currency_code: currencies[0] ?? "",
  max_discount: Object.fromEntries(currencies.map((c) => [c, ""])),
  min_basket: Object.fromEntries(currencies.map((c) => [c, ""])),
  starts_at: "",
  ends_at: "",
  valid_days: "",
  product_ids: [],
  category_ids: [],
  customer_group_ids: [],
  segment_ids: [],
  prefix: "",
  quantity: "",
  budget_type: "none",
  budget_limit: "",
  budget_currency: currencies[0] ?? "",
})

/** The currencies a per-currency amount is asked in: a fixed discount's one, else all. */
export const amountCurrencies = (values: Pick<BatchValues, "discount_type" | "currency_code">, currencies: string[]) =>
  values.discount_type === "fixed" ? (values.currency_code ? [values.currency_code] : []) : currencies

const only = (amounts: Record<string, string>, currencies: string[]) =>
  Object.fromEntries(Object.entries(amounts).filter(([c]) => currencies.includes(c)))

/** The API body; what does not apply to the kind, type or target is left out. */
export function toBody(v: BatchValues, currencies: string[], timeZone?: string): CodeBatchInput {
  const body: CodeBatchInput = {
    name: v.name.trim(),
    kind: v.kind,
    discount_type: v.discount_type,
    target: v.target,
    value: v.value.trim(),
  }
  const asked = amountCurrencies(v, currencies)
  if (v.discount_type === "fixed") {
    body.currency_code = v.currency_code
  } else {
    const cap = amountsToBody(only(v.max_discount, asked))
    if (cap) body.max_discount = cap
  }
  const min = amountsToBody(only(v.min_basket, asked))
  if (min) body.min_basket = min
  if (v.starts_at) {
    body.starts_at = shopDayStart(new Date(v.starts_at), timeZone).toISOString()
  }
  if (v.ends_at) {
    // The last moment of the picked day, in the shop's clock.
    body.ends_at = new Date(shopDayStart(new Date(v.ends_at), timeZone, 1).getTime() - 1000).toISOString()
  }
  if (v.target === "items") {
    if (v.product_ids.length) body.product_ids = v.product_ids
    if (v.category_ids.length) body.category_ids = v.category_ids
  }
  if (v.customer_group_ids.length) body.customer_group_ids = v.customer_group_ids
  if (v.segment_ids.length) body.segment_ids = v.segment_ids
  if (v.prefix.trim()) body.prefix = v.prefix.trim().toUpperCase()
  if (v.kind === "bulk") {
    body.quantity = Number(v.quantity)
  } else if (v.valid_days.trim()) {
    body.valid_days = Number(v.valid_days)
  }
  if (v.budget_type === "usage") {
    body.budget = { type: "usage", limit: Number(v.budget_limit) }
  } else if (v.budget_type === "spend") {
    body.budget = { type: "spend", limit: v.budget_limit, currency_code: v.budget_currency }
  }
  return body
}
