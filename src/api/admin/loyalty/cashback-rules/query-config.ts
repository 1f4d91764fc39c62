export const cashbackRuleFields = [
  "id",
  "name",
  "names",
  "description",
  "is_active",
  "priority",
  "currency_code",
  "type",
  "value",
  "raw_value",
  "min_subtotal",
  "raw_min_subtotal",
  "max_amount",
  "raw_max_amount",
  "expires_after_days",
  "release",
  "hold_days",
  "scope",
  "customer_group_ids",
  "min_previous_orders",
  "tier_ids",
  "segment_ids",
  "use_tier_rate",
  "use_tier_multiplier",
  "sales_channel_ids",
  "starts_at",
  "ends_at",
  "multiplier",
  "combination",
  "metadata",
  "created_at",
  "updated_at",
]

export const listCashbackRulesQueryConfig = {
  defaults: cashbackRuleFields,
  isList: true,
}

export const retrieveCashbackRuleQueryConfig = {
  defaults: cashbackRuleFields,
  isList: false,
}
