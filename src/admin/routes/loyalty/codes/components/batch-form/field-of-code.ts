// The form field an API error is about, by the error's code
// (src/utils/error-codes.ts), so it shows at that field in words.
import { FieldPath } from "react-hook-form"
import { amountCurrencies, BatchValues } from "./form-state"

const FIELDS: Record<string, FieldPath<BatchValues>> = {
  loyalty_value_invalid: "value",
  loyalty_currency_unknown: "currency_code",
  loyalty_currency_required_for_fixed: "currency_code",
  loyalty_ends_before_starts: "ends_at",
  loyalty_expires_at_invalid: "ends_at",
  loyalty_unknown_products: "product_ids",
  loyalty_unknown_categories: "category_ids",
  loyalty_unknown_customer_groups: "customer_group_ids",
  loyalty_segment_ids_invalid: "segment_ids",
  loyalty_prefix_invalid: "prefix",
  loyalty_quantity_invalid: "quantity",
  loyalty_amount_invalid: "budget_limit",
}

// Per-currency amounts: the API names the setting, not the currency; the
// first currency's field shows it.
const PER_CURRENCY: Record<string, "max_discount" | "min_basket"> = {
  loyalty_max_discount_invalid: "max_discount",
  loyalty_min_basket_invalid: "min_basket",
}

export function fieldOfCode(
  code: string | undefined,
  values: BatchValues,
  currencies: string[]
): FieldPath<BatchValues> | undefined {
  if (!code) return undefined
  const amounts = PER_CURRENCY[code]
  if (amounts) {
    const asked = amountCurrencies(values, currencies)
    const filled = asked.find((c) => values[amounts][c]) ?? asked[0]
    return filled ? `${amounts}.${filled}` : undefined
  }
  return FIELDS[code]
}
