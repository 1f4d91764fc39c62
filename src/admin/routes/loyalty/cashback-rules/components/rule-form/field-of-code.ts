// The form field an API error is about, by the error's code
// (src/utils/error-codes.ts), so it shows at that field in words.
import { FieldPath } from "react-hook-form"
import { RuleValues, ScopeField } from "./form-state"

const FIELDS: Record<string, FieldPath<RuleValues>> = {
  // The form checks each name first: this is the API's word on either.
  loyalty_rule_names_invalid: "names_fa",
  loyalty_value_invalid: "value",
  loyalty_min_subtotal_invalid: "min_subtotal",
  loyalty_max_amount_invalid: "max_amount",
  loyalty_currency_unknown: "currency_code",
  loyalty_currency_required_for_fixed: "currency_code",
  loyalty_currency_required_for_limits: "currency_code",
  loyalty_hold_days_required: "hold_days",
  loyalty_hold_days_not_used: "release",
  loyalty_ends_before_starts: "ends_at",
  loyalty_tier_rate_percent_only: "type",
  loyalty_multiplier_invalid: "multiplier_value",
  loyalty_multiplier_ends_before_starts: "multiplier_ends_at",
  loyalty_unknown_customer_groups: "customer_group_ids",
  loyalty_unknown_sales_channels: "sales_channel_ids",
  loyalty_unknown_tiers: "tier_ids",
  loyalty_segment_ids_invalid: "segment_ids",
}

// Unknown records: the list that holds some, the include list first.
const SCOPE: Record<string, [ScopeField, ScopeField]> = {
  loyalty_unknown_products: ["product_ids", "exclude_product_ids"],
  loyalty_unknown_categories: ["category_ids", "exclude_category_ids"],
  loyalty_unknown_collections: ["collection_ids", "exclude_collection_ids"],
  loyalty_unknown_types: ["type_ids", "exclude_type_ids"],
  loyalty_unknown_tags: ["tag_ids", "exclude_tag_ids"],
}

export function fieldOfCode(
  code: string | undefined,
  values: RuleValues
): FieldPath<RuleValues> | undefined {
  if (!code) {
    return undefined
  }
  const lists = SCOPE[code]
  if (lists) {
    const [include, exclude] = lists
    return `scope.${values.scope[include].length ? include : exclude}`
  }
  return FIELDS[code]
}
