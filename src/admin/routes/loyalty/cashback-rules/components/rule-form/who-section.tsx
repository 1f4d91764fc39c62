import { InputField } from "../../../../../components/form-field"
import { FormSection } from "../../../../../components/form-section"
import { SectionProps } from "./form-state"
import { Options } from "./options"
import { PickerField } from "./picker-field"

/** Who earns: customer groups, sales channels, tiers, earlier orders. */
export const WhoSection = ({
  state,
  set,
  invalid,
  options,
}: SectionProps & { options: Options }) => (
  <FormSection
    title="Who earns"
    description="Empty lists mean every shopper, sales channel and tier."
  >
    <div className="grid grid-cols-2 gap-4">
      <PickerField
        id="rule-groups"
        label="Customer groups"
        hint="Only members of one of these groups earn."
        options={options.groups}
        value={state.customer_group_ids}
        onChange={(ids) => set("customer_group_ids", ids)}
        placeholder="Every customer"
        invalid={invalid("customer_group_ids")}
      />
      <PickerField
        id="rule-channels"
        label="Sales channels"
        hint="Only orders from these channels earn (web, till…)."
        options={options.channels}
        value={state.sales_channel_ids}
        onChange={(ids) => set("sales_channel_ids", ids)}
        placeholder="Every channel"
        invalid={invalid("sales_channel_ids")}
      />
      <PickerField
        id="rule-tiers"
        label="Loyalty tiers"
        hint="Only customers in one of these tiers earn."
        options={options.tiers}
        value={state.tier_ids}
        onChange={(ids) => set("tier_ids", ids)}
        placeholder="Every customer"
        invalid={invalid("tier_ids")}
      />
      <InputField
        id="rule-min-orders"
        label="Earlier orders needed"
        hint="E.g. 1: first orders do not earn. Empty: none needed."
        inputMode="numeric"
        value={state.min_previous_orders}
        onChange={(v) => set("min_previous_orders", v)}
        placeholder="0"
        invalid={invalid("min_previous_orders")}
      />
    </div>
  </FormSection>
)
