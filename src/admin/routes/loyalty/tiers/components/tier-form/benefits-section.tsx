import { InputField } from "../../../../../components/form-field"
import { SectionProps } from "./form-state"
import { Group } from "./group"

/** What the tier pays: its cashback rate and multiplier. */
export const BenefitsSection = ({ state, set, invalid }: SectionProps) => (
  <Group
    title="Benefits"
    description="Paid by the cashback rules that opt in to the tier's rate or multiplier."
  >
    <div className="grid grid-cols-2 gap-4">
      <InputField
        id="tier-rate"
        label="Cashback rate (%)"
        hint="Replaces the rate of rules that use the tier rate. Empty: the rule's own rate."
        inputMode="decimal"
        value={state.cashback_rate}
        onChange={(v) => set("cashback_rate", v)}
        placeholder="Rule's rate"
        invalid={invalid("cashback_rate")}
      />
      <InputField
        id="tier-multiplier"
        label="Multiplier (×)"
        hint="1.5 pays half as much again on rules that use it. Empty: ×1."
        inputMode="decimal"
        value={state.cashback_multiplier}
        onChange={(v) => set("cashback_multiplier", v)}
        placeholder="×1"
        invalid={invalid("cashback_multiplier")}
      />
    </div>
  </Group>
)
