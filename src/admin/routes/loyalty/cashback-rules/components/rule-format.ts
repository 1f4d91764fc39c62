// What a rule's fields say, before any words: which items it is limited to
// or excludes, and the body that recreates it (Duplicate). The words are in
// rule-text.tsx, in the admin's language.
import {
  CashbackRule,
  CashbackRuleInput,
  CashbackRuleScope,
} from "../../../../lib/client"
import type { ResourceKind } from "../../../../components/fields"

export type ScopeKind = Extract<ResourceKind, "product" | "category" | "collection" | "type" | "tag">

/** The scope's lists by the kind of record they hold, in the order a summary names them. */
export const SCOPE_LISTS: {
  kind: ScopeKind
  include: keyof CashbackRuleScope
  exclude: keyof CashbackRuleScope
}[] = [
  { kind: "product", include: "product_ids", exclude: "exclude_product_ids" },
  { kind: "category", include: "category_ids", exclude: "exclude_category_ids" },
  { kind: "collection", include: "collection_ids", exclude: "exclude_collection_ids" },
  { kind: "type", include: "type_ids", exclude: "exclude_type_ids" },
  { kind: "tag", include: "tag_ids", exclude: "exclude_tag_ids" },
]

/** A list of records a rule names: the first one (by kind) and how many in all. */
export type ScopeRef = { kind: ScopeKind; id: string; count: number }

/** What the rule is limited to (`exclude` false) or never pays on (true); null: nothing. */
export function scopeRef(
  scope: CashbackRuleScope | null | undefined,
  exclude: boolean
): ScopeRef | null {
  let first: ScopeRef | null = null
  let count = 0
  for (const list of SCOPE_LISTS) {
    const ids = scope?.[exclude ? list.exclude : list.include] ?? []
    if (ids.length && !first) {
      first = { kind: list.kind, id: ids[0], count: 0 }
    }
    count += ids.length
  }
  return first && { ...first, count }
}

/** The API body that recreates a rule: used by Duplicate. */
export function ruleToInput(rule: CashbackRule): CashbackRuleInput {
  return {
    name: rule.name,
    names: rule.names ?? null,
    description: rule.description,
    is_active: rule.is_active,
    priority: rule.priority,
    currency_code: rule.currency_code,
    type: rule.type,
    value: rule.value,
    min_subtotal: rule.min_subtotal,
    max_amount: rule.max_amount,
    expires_after_days: rule.expires_after_days,
    release: rule.release,
    hold_days: rule.hold_days,
    scope: rule.scope,
    customer_group_ids: rule.customer_group_ids,
    min_previous_orders: rule.min_previous_orders,
    tier_ids: rule.tier_ids,
    segment_ids: rule.segment_ids ?? null,
    use_tier_rate: rule.use_tier_rate,
    use_tier_multiplier: rule.use_tier_multiplier,
    sales_channel_ids: rule.sales_channel_ids,
    starts_at: rule.starts_at,
    ends_at: rule.ends_at,
    multiplier: rule.multiplier
      ? { ...rule.multiplier, value: String(rule.multiplier.value) }
      : null,
    combination: rule.combination,
  }
}
