// The form's fields, how a stored rule fills them and how they become the
// API's body.
import {
  CashbackRule,
  CashbackRuleInput,
  CashbackRuleScope,
} from "../../../../../lib/client"

export type IdListField = keyof CashbackRuleScope

export type FormState = {
  name: string
  description: string
  is_active: boolean
  priority: string
  combination: "best" | "stack"
  currency_code: string
  type: "percent" | "fixed"
  value: string
  min_subtotal: string
  max_amount: string
  expires_after_days: string
  release: "placed" | "fulfilled" | "hold"
  hold_days: string
  scope: Record<IdListField, string[]>
  customer_group_ids: string[]
  min_previous_orders: string
  tier_ids: string[]
  use_tier_rate: boolean
  use_tier_multiplier: boolean
  sales_channel_ids: string[]
  starts_at: string
  ends_at: string
  multiplier_on: boolean
  multiplier_value: string
  multiplier_starts_at: string
  multiplier_ends_at: string
}

const SCOPE_FIELDS: IdListField[] = [
  "product_ids",
  "category_ids",
  "collection_ids",
  "type_ids",
  "tag_ids",
  "exclude_product_ids",
  "exclude_category_ids",
  "exclude_collection_ids",
  "exclude_type_ids",
  "exclude_tag_ids",
]

/** "2027-03-20" in the admin's time zone, for a date input. */
function toDateInput(iso: string | null | undefined) {
  if (!iso) {
    return ""
  }
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/**
 * Midnight of that day in the admin's time zone, as ISO. The stored instant
 * when the day shown is still its day: a rule created through the API at
 * 12:30, or in another time zone, does not move by opening and saving it.
 */
function fromDateInput(value: string, stored?: string | null) {
  if (stored && toDateInput(stored) === value) {
    return stored
  }
  return value ? new Date(`${value}T00:00:00`).toISOString() : null
}

const wholeText = (n: number | null | undefined) => (n == null ? "" : String(n))

export function initialState(rule?: CashbackRule | null): FormState {
  const scope = {} as Record<IdListField, string[]>
  for (const field of SCOPE_FIELDS) {
    scope[field] = rule?.scope?.[field] ?? []
  }
  return {
    name: rule?.name ?? "",
    description: rule?.description ?? "",
    is_active: rule?.is_active ?? true,
    priority: String(rule?.priority ?? 0),
    combination: rule?.combination ?? "best",
    currency_code: rule?.currency_code ?? "",
    type: rule?.type ?? "percent",
    value: rule?.value ?? "",
    min_subtotal: rule?.min_subtotal ?? "",
    max_amount: rule?.max_amount ?? "",
    expires_after_days: wholeText(rule?.expires_after_days),
    release: rule?.release ?? "placed",
    hold_days: wholeText(rule?.hold_days),
    scope,
    customer_group_ids: rule?.customer_group_ids ?? [],
    // 0 earlier orders is a value of its own, not an empty field.
    min_previous_orders: wholeText(rule?.min_previous_orders),
    tier_ids: rule?.tier_ids ?? [],
    use_tier_rate: rule?.use_tier_rate ?? false,
    use_tier_multiplier: rule?.use_tier_multiplier ?? false,
    sales_channel_ids: rule?.sales_channel_ids ?? [],
    starts_at: toDateInput(rule?.starts_at),
    ends_at: toDateInput(rule?.ends_at),
    multiplier_on: !!rule?.multiplier,
    multiplier_value: rule?.multiplier ? String(rule.multiplier.value) : "2",
    multiplier_starts_at: toDateInput(rule?.multiplier?.starts_at),
    multiplier_ends_at: toDateInput(rule?.multiplier?.ends_at),
  }
}

class FormError extends Error {}

function integer(field: string, value: string) {
  const v = value.trim()
  if (!v) {
    return null
  }
  if (!/^-?\d+$/.test(v)) {
    throw new FormError(`${field} must be a whole number, got "${v}"`)
  }
  return parseInt(v, 10)
}

const amount = (value: string) => value.trim() || null
const nonEmpty = (ids: string[]) => (ids.length ? ids : null)

/**
 * The API body. Amounts stay strings; cleared fields are sent as null.
 * `rule` is the rule being edited, whose stored dates are kept as they are.
 */
export function toInput(
  state: FormState,
  rule?: CashbackRule | null
): CashbackRuleInput {
  const scope: CashbackRuleScope = {}
  for (const field of SCOPE_FIELDS) {
    if (state.scope[field].length) {
      scope[field] = state.scope[field]
    }
  }
  return {
    name: state.name.trim(),
    description: state.description.trim() || null,
    is_active: state.is_active,
    priority: integer("priority", state.priority) ?? 0,
    combination: state.combination,
    currency_code: state.currency_code || null,
    type: state.type,
    value: state.value.trim(),
    min_subtotal: amount(state.min_subtotal),
    max_amount: amount(state.max_amount),
    expires_after_days: integer("expires_after_days", state.expires_after_days),
    release: state.release,
    hold_days:
      state.release === "hold" ? integer("hold_days", state.hold_days) : null,
    scope: Object.keys(scope).length ? scope : null,
    customer_group_ids: nonEmpty(state.customer_group_ids),
    min_previous_orders: integer(
      "min_previous_orders",
      state.min_previous_orders
    ),
    tier_ids: nonEmpty(state.tier_ids),
    // The tier rate replaces a percentage; a fixed amount has none to replace.
    use_tier_rate: state.type === "percent" && state.use_tier_rate,
    use_tier_multiplier: state.use_tier_multiplier,
    sales_channel_ids: nonEmpty(state.sales_channel_ids),
    starts_at: fromDateInput(state.starts_at, rule?.starts_at),
    ends_at: fromDateInput(state.ends_at, rule?.ends_at),
    multiplier: state.multiplier_on
      ? {
          value: state.multiplier_value.trim(),
          starts_at: fromDateInput(
            state.multiplier_starts_at,
            rule?.multiplier?.starts_at
          ),
          ends_at: fromDateInput(
            state.multiplier_ends_at,
            rule?.multiplier?.ends_at
          ),
        }
      : null,
  }
}

/**
 * The body of an edit: only the fields the form changed. Both sides go
 * through `toInput`, so whatever the form cannot show exactly (an empty list
 * stored as [], a description with trailing spaces) is never written back by
 * a save that did not touch it; the API merges the rest with the stored rule.
 */
export function changedInput(
  state: FormState,
  rule: CashbackRule
): Partial<CashbackRuleInput> {
  const next = toInput(state, rule)
  const saved = toInput(initialState(rule), rule)
  const body: Partial<CashbackRuleInput> = {}
  for (const key of Object.keys(next) as (keyof CashbackRuleInput)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) {
      Object.assign(body, { [key]: next[key] })
    }
  }
  return body
}

/** Sets one field of the form. */
export type SetField = <K extends keyof FormState>(
  key: K,
  value: FormState[K]
) => void

/** What every section gets: the form, a setter, and the API's complaint. */
export type SectionProps = {
  state: FormState
  set: SetField
  /** Whether the API's last message is about this field. */
  invalid: (field: string) => boolean
}
