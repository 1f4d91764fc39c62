import { Select, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { FormField, InputField } from "../../../../../components/form-field"
import { FormSection } from "../../../../../components/form-section"
import { SwitchRow } from "../../../../../components/switch-row"
import { SectionProps } from "./form-state"
import { Options } from "./options"

// Radix Select items cannot have an empty value.
const ANY_CURRENCY = "__any"

/**
 * Percent or fixed, the currency, the rate or amount, the order minimum and
 * cap, and what the customer's tier adds.
 */
export const AmountSection = ({
  state,
  set,
  invalid,
  options,
}: SectionProps & { options: Options }) => {
  const currencies = useMemo(() => {
    const list = [...options.currencies]
    if (state.currency_code && !list.includes(state.currency_code)) {
      list.push(state.currency_code)
    }
    return list
  }, [options.currencies, state.currency_code])

  const currencyLabel = state.currency_code
    ? state.currency_code.toUpperCase()
    : "order currency"

  return (
    <FormSection title="Amount">
      <div className="grid grid-cols-2 gap-4">
        <FormField
          id="rule-type"
          label="Type"
          hint="A percentage of each item, or a fixed amount once per order."
        >
          <Select
            value={state.type}
            onValueChange={(v) => {
              if (v === "percent" || v === "fixed") {
                set("type", v)
              }
            }}
          >
            <Select.Trigger id="rule-type">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="percent">Percent of the items</Select.Item>
              <Select.Item value="fixed">Fixed amount</Select.Item>
            </Select.Content>
          </Select>
        </FormField>
        <FormField
          id="rule-currency"
          label="Currency"
          hint={
            state.type === "fixed"
              ? "Required for a fixed amount."
              : "Empty: orders in any currency."
          }
        >
          <Select
            value={state.currency_code || ANY_CURRENCY}
            onValueChange={(v) => {
              // Inside a form, Radix keeps a hidden <select>; when
              // the value changes before its option is rendered
              // there, it reports "" as if chosen. Only the items
              // are choices.
              if (v === ANY_CURRENCY) {
                set("currency_code", "")
              } else if (currencies.includes(v)) {
                set("currency_code", v)
              }
            }}
          >
            <Select.Trigger
              id="rule-currency"
              aria-invalid={invalid("currency_code") || undefined}
            >
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ANY_CURRENCY}>Any currency</Select.Item>
              {currencies.map((c) => (
                <Select.Item key={c} value={c}>
                  {c.toUpperCase()}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </FormField>
      </div>
      <InputField
        id="rule-value"
        label={
          state.type === "percent" ? "Rate (%)" : `Amount (${currencyLabel})`
        }
        hint={
          state.type === "percent"
            ? state.use_tier_rate
              ? "Paid to customers whose tier sets no rate. Up to 100, 4 decimals."
              : "Percent of each item's price after discounts, without tax or shipping. Up to 100, 4 decimals."
            : "Paid once per order, shared over the items in scope."
        }
        inputMode="decimal"
        value={state.value}
        onChange={(v) => set("value", v)}
        placeholder={state.type === "percent" ? "2.5" : "500000"}
        invalid={invalid("value")}
      />
      <div className="grid grid-cols-2 gap-4">
        <InputField
          id="rule-min-subtotal"
          label={`Minimum order (${currencyLabel})`}
          hint="Only orders from this subtotal earn. Needs a currency."
          inputMode="decimal"
          value={state.min_subtotal}
          onChange={(v) => set("min_subtotal", v)}
          placeholder="No minimum"
          invalid={invalid("min_subtotal")}
        />
        <InputField
          id="rule-max-amount"
          label={`Cap per order (${currencyLabel})`}
          hint="The most this rule pays on one order. Needs a currency."
          inputMode="decimal"
          value={state.max_amount}
          onChange={(v) => set("max_amount", v)}
          placeholder="No cap"
          invalid={invalid("max_amount")}
        />
      </div>
      <TierBenefits state={state} set={set} invalid={invalid} />
    </FormSection>
  )
}

/** The tier's rate instead of the rule's, and the tier's multiplier. */
const TierBenefits = ({ state, set, invalid }: SectionProps) => (
  <div
    className="flex flex-col gap-y-4 rounded-lg border p-4"
    data-testid="rule-tier-benefits"
  >
    <div>
      <Text size="small" weight="plus">
        Tier benefits
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Let the customer's loyalty tier set the rate or boost it. Customers
        without a tier get the rule as it is.
      </Text>
    </div>
    <SwitchRow
      id="rule-use-tier-rate"
      label="Use the tier's rate"
      hint={
        state.type === "percent"
          ? "Pay the customer's tier cashback rate instead of this rate (percent rules)."
          : "Only for percent rules: a fixed amount has no rate to replace."
      }
      checked={state.type === "percent" && state.use_tier_rate}
      disabled={state.type !== "percent"}
      onCheckedChange={(v) => set("use_tier_rate", v)}
      invalid={invalid("use_tier_rate")}
    />
    <SwitchRow
      id="rule-use-tier-multiplier"
      label="Use the tier's multiplier"
      hint="Multiply by the customer's tier multiplier, on top of the multiplier below."
      checked={state.use_tier_multiplier}
      onCheckedChange={(v) => set("use_tier_multiplier", v)}
      invalid={invalid("use_tier_multiplier")}
    />
  </div>
)
