import { BigNumberInput } from "@medusajs/framework/types"

// The engine's public input and output types (re-exported by ./index).

export type CashbackItem = {
  id: string
  product_id?: string | null
  category_ids?: string[] | null
  collection_id?: string | null
  type_id?: string | null
  tag_ids?: string[] | null
  /** Line subtotal before discounts, without tax. */
  subtotal: BigNumberInput
  /** Discounts on the line, without tax. */
  discount_total?: BigNumberInput | null
}

export type CashbackOrder = {
  currency_code: string
  sales_channel_id?: string | null
  items: CashbackItem[]
  /** Paid with wallet credit on this order. */
  credit_paid?: BigNumberInput | null
}

export type CashbackCustomer = {
  customer_id?: string | null
  group_ids?: string[] | null
  /** Orders the customer placed before this one. */
  previous_orders?: number | null
  tier_id?: string | null
  /** The saved segments (of those the rules name) the customer is in now. */
  segment_ids?: string[] | null
  /** The customer's tier and its benefits, for rules that use them. */
  tier?: {
    id: string
    cashback_rate?: BigNumberInput | null
    cashback_multiplier?: BigNumberInput | null
  } | null
}

export type CashbackScope = {
  product_ids?: string[] | null
  category_ids?: string[] | null
  collection_ids?: string[] | null
  type_ids?: string[] | null
  tag_ids?: string[] | null
  exclude_product_ids?: string[] | null
  exclude_category_ids?: string[] | null
  exclude_collection_ids?: string[] | null
  exclude_type_ids?: string[] | null
  exclude_tag_ids?: string[] | null
}

export type CashbackRule = {
  id: string
  name: string
  is_active: boolean
  priority?: number | null
  /** null: any currency (percent rules). */
  currency_code?: string | null
  type: "percent" | "fixed"
  value: BigNumberInput
  min_subtotal?: BigNumberInput | null
  max_amount?: BigNumberInput | null
  scope?: CashbackScope | null
  customer_group_ids?: string[] | null
  min_previous_orders?: number | null
  tier_ids?: string[] | null
  /** Only customers in one of these saved segments (loyalty_segment ids). */
  segment_ids?: string[] | null
  /** Percent rules: the customer's tier's cashback rate replaces `value`. */
  use_tier_rate?: boolean | null
  /** The customer's tier's cashback multiplier applies on top of the window's. */
  use_tier_multiplier?: boolean | null
  sales_channel_ids?: string[] | null
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  multiplier?: {
    value: BigNumberInput
    starts_at?: Date | string | null
    ends_at?: Date | string | null
  } | null
  combination?: "best" | "stack" | null
}

export type CashbackSkipReason =
  | "inactive"
  | "currency"
  | "not_started"
  | "ended"
  | "sales_channel"
  | "customer_group"
  | "previous_orders"
  | "tier"
  | "segment"
  | "min_subtotal"
  | "no_items_in_scope"
  | "outbid"
  | "zero_amount"

export type CashbackRuleResult = {
  rule_id: string
  name: string
  combination: "best" | "stack"
  /** Rounded down to the currency's precision. */
  amount: string
  multiplier: string
  capped: boolean
  items: { item_id: string; base: string; amount: string }[]
}

export type CashbackResult = {
  currency_code: string
  /** The order's base after discounts and (unless included) credit paid. */
  base: string
  total: string
  rules: CashbackRuleResult[]
  skipped: { rule_id: string; name: string; reason: CashbackSkipReason; message: string }[]
}

export type CashbackOptions = {
  now?: Date
  include_credit_paid?: boolean
}
