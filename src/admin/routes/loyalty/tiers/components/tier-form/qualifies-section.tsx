import { RadioGroup, Select } from "@medusajs/ui"
import { useMemo } from "react"
import { FormField, InputField } from "../../../../../components/form-field"
import { formatMoney, TierWindow } from "../../../../../lib/client"
import { WINDOW_DESCRIPTIONS } from "../../../../../lib/tier-format"
import { decimal, SectionProps } from "./form-state"
import { Group } from "./group"

/** What reaches the tier: the currency, spend and orders, and the window. */
export const QualifiesSection = ({
  state,
  set,
  invalid,
  currencies,
  currencyLocked,
}: SectionProps & {
  /** The store's currencies. */
  currencies: string[]
  /** All tiers count spend in one currency: fixed once a tier exists. */
  currencyLocked: boolean
}) => {
  const currencyOptions = useMemo(() => {
    const list = [...currencies]
    if (state.currency_code && !list.includes(state.currency_code)) {
      list.push(state.currency_code)
    }
    return list
  }, [currencies, state.currency_code])
  const currency = state.currency_code
    ? state.currency_code.toUpperCase()
    : "the tier currency"
  // Big amounts are hard to read as typed: echo them grouped.
  const spend = decimal(state.min_spend)
  const spendShown =
    spend && state.currency_code && /^\d+(\.\d+)?$/.test(spend)
      ? `${formatMoney(spend, state.currency_code)}: order totals`
      : "Order totals"

  return (
    <Group
      title="Qualifies with"
      description="A customer reaches the tier when they meet every threshold set. A higher rank must ask for more than the tiers below it."
    >
      <div className="grid grid-cols-2 gap-4">
        <FormField
          id="tier-currency"
          label="Currency"
          hint={
            currencyLocked
              ? "Fixed: all tiers count spend in one currency."
              : "Spend is counted in orders of this currency."
          }
        >
          <Select
            value={state.currency_code}
            onValueChange={(v) => {
              // Inside a form, Radix keeps a hidden <select>; when
              // the value changes before its option is rendered
              // there, it reports "" as if chosen. Only the items
              // are choices.
              if (currencyOptions.includes(v)) {
                set("currency_code", v)
              }
            }}
            disabled={currencyLocked}
          >
            <Select.Trigger
              id="tier-currency"
              aria-invalid={invalid("currency_code")}
            >
              <Select.Value placeholder="Choose" />
            </Select.Trigger>
            <Select.Content>
              {currencyOptions.map((c) => (
                <Select.Item key={c} value={c}>
                  {c.toUpperCase()}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </FormField>
        <div />
        <InputField
          id="tier-min-spend"
          label={`Minimum spend (${currency})`}
          hint={`${spendShown} in the window, with tax and shipping, after returns. Empty: no spend needed.`}
          inputMode="decimal"
          value={state.min_spend}
          onChange={(v) => set("min_spend", v)}
          placeholder="No minimum"
          invalid={invalid("min_spend")}
        />
        <InputField
          id="tier-min-orders"
          label="Minimum orders"
          hint="Orders placed in the window. Empty: any number."
          inputMode="numeric"
          value={state.min_orders}
          onChange={(v) => set("min_orders", v)}
          placeholder="No minimum"
          invalid={invalid("min_orders")}
        />
      </div>
      <FormField
        id="tier-window"
        label="Window"
        hint="Which orders count towards the thresholds."
      >
        <RadioGroup
          id="tier-window"
          className="grid grid-cols-3 gap-3"
          value={state.qualification_window}
          onValueChange={(v) => set("qualification_window", v as TierWindow)}
        >
          <RadioGroup.ChoiceBox
            value="rolling"
            label="Rolling"
            description={WINDOW_DESCRIPTIONS.rolling}
          />
          <RadioGroup.ChoiceBox
            value="calendar_year"
            label="Calendar year"
            description={WINDOW_DESCRIPTIONS.calendar_year}
          />
          <RadioGroup.ChoiceBox
            value="lifetime"
            label="Lifetime"
            description={WINDOW_DESCRIPTIONS.lifetime}
          />
        </RadioGroup>
      </FormField>
      {state.qualification_window === "rolling" && (
        <div className="grid grid-cols-2 gap-4">
          <InputField
            id="tier-window-days"
            label="Window length (days)"
            hint="E.g. 365: orders of the last year count."
            inputMode="numeric"
            value={state.window_days}
            onChange={(v) => set("window_days", v)}
            invalid={invalid("window_days")}
          />
        </div>
      )}
    </Group>
  )
}
