import { RadioGroup, Switch, Text, Textarea } from "@medusajs/ui"
import { FormField, InputField } from "../../../../../components/form-field"
import { FormSection } from "../../../../../components/form-section"
import { FormState, SectionProps } from "./form-state"

/** Name, description, on or off, priority, and how it combines with others. */
export const BasicsSection = ({ state, set, invalid }: SectionProps) => (
  <FormSection title="Basics">
    <InputField
      id="rule-name"
      label="Name"
      hint={'Shoppers see it in their wallet history as "Cashback: <name>".'}
      value={state.name}
      onChange={(v) => set("name", v)}
      placeholder="3% on coffee"
      invalid={invalid("name")}
    />
    <FormField
      id="rule-description"
      label="Description (optional)"
      hint="For your team: why the rule exists, who asked for it."
    >
      <Textarea
        id="rule-description"
        value={state.description}
        onChange={(e) => set("description", e.target.value)}
        rows={2}
      />
    </FormField>
    <div className="grid grid-cols-2 gap-4">
      <FormField
        id="rule-active"
        label="Active"
        hint="An inactive rule pays nothing, even inside its dates."
      >
        <div className="flex h-8 items-center gap-x-2">
          <Switch
            id="rule-active"
            checked={state.is_active}
            onCheckedChange={(v) => set("is_active", v)}
          />
          <Text size="small">{state.is_active ? "Active" : "Inactive"}</Text>
        </div>
      </FormField>
      <InputField
        id="rule-priority"
        label="Priority"
        hint="Breaks ties between equally good rules: higher wins."
        inputMode="numeric"
        value={state.priority}
        onChange={(v) => set("priority", v)}
        invalid={invalid("priority")}
      />
    </div>
    <CombinationField state={state} set={set} />
  </FormSection>
)

/** "Best" or "Stack": how this rule meets other rules on the same item. */
const CombinationField = ({
  state,
  set,
}: Pick<SectionProps, "state" | "set">) => (
  <FormField
    id="rule-combination"
    label="Combination"
    hint="How this rule meets other rules on the same item."
  >
    <RadioGroup
      id="rule-combination"
      className="grid grid-cols-2 gap-3"
      value={state.combination}
      onValueChange={(v) => set("combination", v as FormState["combination"])}
    >
      <RadioGroup.ChoiceBox
        value="best"
        label="Best"
        description="Only the best rule for an item pays."
      />
      <RadioGroup.ChoiceBox
        value="stack"
        label="Stack"
        description="Adds on top of whatever else pays."
      />
    </RadioGroup>
  </FormField>
)
