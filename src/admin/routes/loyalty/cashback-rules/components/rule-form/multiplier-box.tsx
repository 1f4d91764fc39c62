import { Label, Switch, Text } from "@medusajs/ui"
import { InputField } from "../../../../../components/form-field"
import { SectionProps } from "./form-state"

/** A boost for a while: how many times, from and until which day. */
export const MultiplierBox = ({ state, set, invalid }: SectionProps) => (
  <div className="flex flex-col gap-y-3 rounded-lg border p-4">
    <div className="flex items-center justify-between">
      <div>
        <Label htmlFor="rule-multiplier" weight="plus" size="small">
          Multiplier
        </Label>
        <Text size="xsmall" className="text-ui-fg-subtle">
          Multiplies the cashback for a while, e.g. x2 during Nowruz.
        </Text>
      </div>
      <Switch
        id="rule-multiplier"
        checked={state.multiplier_on}
        onCheckedChange={(v) => set("multiplier_on", v)}
      />
    </div>
    {state.multiplier_on && (
      <div className="grid grid-cols-3 gap-4">
        <InputField
          id="rule-multiplier-value"
          label="Times"
          hint="2 doubles it; up to 100."
          inputMode="decimal"
          value={state.multiplier_value}
          onChange={(v) => set("multiplier_value", v)}
          invalid={invalid("multiplier.value")}
        />
        <InputField
          id="rule-multiplier-starts"
          label="From"
          hint="Empty: from now."
          type="date"
          value={state.multiplier_starts_at}
          onChange={(v) => set("multiplier_starts_at", v)}
          invalid={invalid("multiplier.starts_at")}
        />
        <InputField
          id="rule-multiplier-ends"
          label="Until"
          hint="Stops at 00:00 on this day."
          type="date"
          value={state.multiplier_ends_at}
          onChange={(v) => set("multiplier_ends_at", v)}
          invalid={invalid("multiplier.ends_at")}
        />
      </div>
    )}
  </div>
)
