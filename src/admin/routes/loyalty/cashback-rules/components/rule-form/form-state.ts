// The rule form's values, how a stored rule fills them and how they become
// the API's body (the same body as before the form was rewritten). Values
// are strings as typed: amounts are API amounts (IRR in Rial) the money
// fields show in the shop's unit, dates ISO instants ("" for none).
import { shopperNamesBody } from "../../../../../components/shopper-names"
import {
  CashbackRule,
  CashbackRuleInput,
  CashbackRuleScope,
} from "../../../../../lib/client"

export type ScopeField = keyof CashbackRuleScope

export const SCOPE_FIELDS: ScopeField[] = [
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

/** The currency select's "any currency" (a Radix select item needs a value). */
export const ANY_CURRENCY = "__any"

export type RuleValues = {
  name: string
  /** The names shoppers read, "" for none. */
  names_fa: string
  names_en: string
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
  scope: Record<ScopeField, string[]>
  customer_group_ids: string[]
  min_previous_orders: string
  tier_ids: string[]
  segment_ids: string[]
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

const text = (n: number | string | null | undefined) => (n == null ? "" : String(n))

export function ruleValues(rule?: CashbackRule | null): RuleValues {
  const scope = {} as Record<ScopeField, string[]>
  for (const field of SCOPE_FIELDS) {
    scope[field] = rule?.scope?.[field] ?? []
  }
  return {
    name: rule?.name ?? "",
    names_fa: rule?.names?.fa ?? "",
    names_en: rule?.names?.en ?? "",
    description: rule?.description ?? "",
    is_active: rule?.is_active ?? true,
    priority: String(rule?.priority ?? 0),
    combination: rule?.combination ?? "best",
    currency_code: rule?.currency_code || ANY_CURRENCY,
    type: rule?.type ?? "percent",
    value: rule?.value ?? "",
    min_subtotal: text(rule?.min_subtotal),
    max_amount: text(rule?.max_amount),
    expires_after_days: text(rule?.expires_after_days),
    release: rule?.release ?? "placed",
    hold_days: text(rule?.hold_days),
    scope,
    customer_group_ids: rule?.customer_group_ids ?? [],
    // 0 earlier orders is a value of its own, not an empty field.
    min_previous_orders: text(rule?.min_previous_orders),
    tier_ids: rule?.tier_ids ?? [],
    segment_ids: rule?.segment_ids ?? [],
    use_tier_rate: rule?.use_tier_rate ?? false,
    use_tier_multiplier: rule?.use_tier_multiplier ?? false,
    sales_channel_ids: rule?.sales_channel_ids ?? [],
    starts_at: rule?.starts_at ?? "",
    ends_at: rule?.ends_at ?? "",
    multiplier_on: !!rule?.multiplier,
    multiplier_value: rule?.multiplier ? String(rule.multiplier.value) : "2",
    multiplier_starts_at: rule?.multiplier?.starts_at ?? "",
    multiplier_ends_at: rule?.multiplier?.ends_at ?? "",
  }
}

// The schema has checked every value: whole numbers are digits.
const whole = (value: string) => (value.trim() === "" ? null : Number(value.trim()))
const orNull = (value: string) => value.trim() || null
const nonEmpty = (ids: string[]) => (ids.length ? ids : null)

const localDay = (iso: string) => {
  const d = new Date(iso)
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`
}

/**
 * A date field's instant, or the stored one while the field still shows its
 * day: the date picker picks days (and answers midnight when it first
 * shows one), so a rule created through the API at 12:30 does not move by
 * being opened and saved.
 */
function keepDay(value: string, stored?: string | null) {
  if (!value) return null
  return stored && localDay(stored) === localDay(value) ? stored : value
}

/**
 * The API body. Amounts stay strings; cleared fields are sent as null.
 * `rule` is the rule being edited, whose stored instants are kept.
 */
export function toBody(values: RuleValues, rule?: CashbackRule | null): CashbackRuleInput {
  const scope: CashbackRuleScope = {}
  for (const field of SCOPE_FIELDS) {
    if (values.scope[field].length) {
      scope[field] = values.scope[field]
    }
  }
  return {
    name: values.name.trim(),
    names: shopperNamesBody(values.names_fa, values.names_en),
    description: values.description.trim() || null,
    is_active: values.is_active,
    priority: whole(values.priority) ?? 0,
    combination: values.combination,
    currency_code: values.currency_code === ANY_CURRENCY ? null : values.currency_code,
    type: values.type,
    value: values.value.trim(),
    min_subtotal: orNull(values.min_subtotal),
    max_amount: orNull(values.max_amount),
    expires_after_days: whole(values.expires_after_days),
    release: values.release,
    hold_days: values.release === "hold" ? whole(values.hold_days) : null,
    scope: Object.keys(scope).length ? scope : null,
    customer_group_ids: nonEmpty(values.customer_group_ids),
    min_previous_orders: whole(values.min_previous_orders),
    tier_ids: nonEmpty(values.tier_ids),
    segment_ids: nonEmpty(values.segment_ids),
    // The tier rate replaces a percentage; a fixed amount has none to replace.
    use_tier_rate: values.type === "percent" && values.use_tier_rate,
    use_tier_multiplier: values.use_tier_multiplier,
    sales_channel_ids: nonEmpty(values.sales_channel_ids),
    starts_at: keepDay(values.starts_at, rule?.starts_at),
    ends_at: keepDay(values.ends_at, rule?.ends_at),
    multiplier: values.multiplier_on
      ? {
          value: values.multiplier_value.trim(),
          starts_at: keepDay(values.multiplier_starts_at, rule?.multiplier?.starts_at),
          ends_at: keepDay(values.multiplier_ends_at, rule?.multiplier?.ends_at),
        }
      : null,
  }
}

/**
 * The body of an edit: only the fields the form changed. Both sides go
 * through `toBody`, so whatever the form cannot show exactly (an empty list
 * stored as [], a description with trailing spaces) is never written back by
 * a save that did not touch it; the API merges the rest with the stored rule.
 */
export function changedBody(values: RuleValues, rule: CashbackRule): Partial<CashbackRuleInput> {
  const next = toBody(values, rule)
  const saved = toBody(ruleValues(rule), rule)
  const body: Partial<CashbackRuleInput> = {}
  for (const key of Object.keys(next) as (keyof CashbackRuleInput)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) {
      Object.assign(body, { [key]: next[key] })
    }
  }
  return body
}
