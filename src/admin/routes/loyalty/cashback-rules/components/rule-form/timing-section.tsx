import { RadioGroup } from "@medusajs/ui"
import { FormField, InputField } from "../../../../../components/form-field"
import { FormSection } from "../../../../../components/form-section"
import { FormState, SectionProps } from "./form-state"
import { MultiplierBox } from "./multiplier-box"

/** When the cashback can be spent and lapses, when the rule runs, its boost. */
export const TimingSection = ({ state, set, invalid }: SectionProps) => (
  <FormSection title="Timing">
    <FormField
      id="rule-release"
      label="Release"
      hint="When the shopper can spend the cashback."
    >
      <RadioGroup
        id="rule-release"
        className="grid grid-cols-3 gap-3"
        value={state.release}
        onValueChange={(v) => set("release", v as FormState["release"])}
      >
        <RadioGroup.ChoiceBox
          value="placed"
          label="At placement"
          description="Spendable as soon as the order is placed."
        />
        <RadioGroup.ChoiceBox
          value="fulfilled"
          label="At fulfilment"
          description="Waits until the order is fulfilled."
        />
        <RadioGroup.ChoiceBox
          value="hold"
          label="Hold"
          description="Waits a number of days, e.g. the return period."
        />
      </RadioGroup>
    </FormField>
    <div className="grid grid-cols-2 gap-4">
      <InputField
        id="rule-expires"
        label="Expires after (days)"
        hint="Unspent cashback lapses this many days after it becomes spendable. Empty: never."
        inputMode="numeric"
        value={state.expires_after_days}
        onChange={(v) => set("expires_after_days", v)}
        placeholder="Never"
        invalid={invalid("expires_after_days")}
      />
      {state.release === "hold" ? (
        <InputField
          id="rule-hold-days"
          label="Hold days"
          hint="Days after placement before it can be spent."
          inputMode="numeric"
          value={state.hold_days}
          onChange={(v) => set("hold_days", v)}
          placeholder="14"
          invalid={invalid("hold_days")}
        />
      ) : null}
    </div>
    <div className="grid grid-cols-2 gap-4">
      <InputField
        id="rule-starts"
        label="Starts (optional)"
        hint="Orders from 00:00 on this day earn. Empty: already running."
        type="date"
        value={state.starts_at}
        onChange={(v) => set("starts_at", v)}
        invalid={invalid("starts_at")}
      />
      <InputField
        id="rule-ends"
        label="Ends (optional)"
        hint="Stops at 00:00 on this day. Empty: runs until disabled."
        type="date"
        value={state.ends_at}
        onChange={(v) => set("ends_at", v)}
        invalid={invalid("ends_at")}
      />
    </div>
    <MultiplierBox state={state} set={set} invalid={invalid} />
  </FormSection>
)
