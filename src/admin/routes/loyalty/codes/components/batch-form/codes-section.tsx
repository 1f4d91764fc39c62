import { Control, useWatch } from "react-hook-form"
import {
  DateField,
  MoneyField,
  NumberField,
  PickerField,
  SelectField,
  TextField,
} from "../../../../../components/fields"
import { useFormat } from "../../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { useSegmentChoices } from "../../../../../lib/segments"
import { Pair, Section } from "../../../cashback-rules/components/rule-form/section"
import { BatchValues } from "./form-state"
import { PREFIX_MAX, QUANTITY_MAX } from "./schema"

type Props = { control: Control<BatchValues> }

/** From and to which shop day the codes work; a personal code's own days. */
export const ValiditySection = ({ control }: Props) => {
  const { t } = useLoyaltyTranslation()
  const kind = useWatch({ control, name: "kind" })
  return (
    <Section title={t("codes.form.validity.title")} description={t("codes.form.validity.description")} testId="batch-validity">
      <Pair>
        <DateField control={control} name="starts_at" id="batch-starts-at" label={t("codes.form.startsAt")} optional />
        <DateField control={control} name="ends_at" id="batch-ends-at" label={t("codes.form.endsAt")} optional />
      </Pair>
      {kind === "personal" && (
        <NumberField
          control={control}
          name="valid_days"
          id="batch-valid-days"
          label={t("codes.form.validDays.label")}
          hint={t("codes.form.validDays.hint")}
          suffix={t("codes.form.days")}
          optional
        />
      )}
    </Section>
  )
}

/** Which products or categories (items discounts) and which customer groups. */
export const ScopeSection = ({ control }: Props) => {
  const { t } = useLoyaltyTranslation()
  const { data: segments } = useSegmentChoices()
  const target = useWatch({ control, name: "target" })
  return (
    <Section title={t("codes.form.scope.title")} description={t("codes.form.scope.description")} testId="batch-scope">
      {target === "items" && (
        <Pair>
          <PickerField
            control={control}
            name="product_ids"
            id="batch-products"
            kind="product"
            label={t("codes.form.scope.products")}
            placeholder={t("codes.form.scope.allProducts")}
          />
          <PickerField
            control={control}
            name="category_ids"
            id="batch-categories"
            kind="category"
            label={t("codes.form.scope.categories")}
            placeholder={t("codes.form.scope.allCategories")}
          />
        </Pair>
      )}
      <PickerField
        control={control}
        name="customer_group_ids"
        id="batch-groups"
        kind="customer_group"
        label={t("codes.form.scope.groups")}
        hint={t("codes.form.scope.groupsHint")}
        placeholder={t("codes.form.scope.everyCustomer")}
      />
      <PickerField
        control={control}
        name="segment_ids"
        id="batch-segments"
        options={(segments ?? []).map((s) => ({ value: s.id, label: s.name }))}
        label={t("codes.form.scope.segments")}
        hint={t("codes.form.scope.segmentsHint")}
        placeholder={t("codes.form.scope.everySegment")}
      />
    </Section>
  )
}

/** The codes themselves: prefix, how many (bulk), and the campaign's budget. */
export const CodesSection = ({ control, currencies }: Props & { currencies: string[] }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const [kind, budgetType, budgetCurrency] = useWatch({
    control,
    name: ["kind", "budget_type", "budget_currency"],
  })
  return (
    <Section title={t("codes.form.codes.title")} description={t("codes.form.codes.description")} testId="batch-codes">
      <Pair>
        <TextField
          control={control}
          name="prefix"
          id="batch-prefix"
          dir="ltr"
          optional
          placeholder="NOWRUZ"
          label={t("codes.form.prefix.label")}
          hint={t("codes.form.prefix.hint", { max: number(PREFIX_MAX) })}
        />
        {kind === "bulk" && (
          <NumberField
            control={control}
            name="quantity"
            id="batch-quantity"
            label={t("codes.form.quantity.label")}
            hint={t("codes.form.quantity.hint", { max: number(QUANTITY_MAX) })}
            placeholder="1000"
          />
        )}
      </Pair>
      <Pair>
        <SelectField
          control={control}
          name="budget_type"
          id="batch-budget-type"
          label={t("codes.form.budget.label")}
          hint={t("codes.form.budget.hint")}
          options={[
            { value: "none", label: t("codes.form.budget.none") },
            { value: "usage", label: t("codes.form.budget.usage") },
            { value: "spend", label: t("codes.form.budget.spend") },
          ]}
        />
        {budgetType === "spend" && (
          <SelectField
            control={control}
            name="budget_currency"
            id="batch-budget-currency"
            label={t("codes.form.currency.label")}
            options={currencies.map((c) => ({ value: c, label: c.toUpperCase() }))}
          />
        )}
      </Pair>
      {budgetType === "usage" && (
        <NumberField
          control={control}
          name="budget_limit"
          id="batch-budget-limit"
          label={t("codes.form.budget.uses")}
          hint={t("codes.form.budget.usesHint")}
        />
      )}
      {budgetType === "spend" && (
        <MoneyField
          control={control}
          name="budget_limit"
          id="batch-budget-limit"
          label={t("codes.form.budget.amount")}
          hint={t("codes.form.budget.amountHint")}
          currency={budgetCurrency}
        />
      )}
    </Section>
  )
}
