import { useMemo } from "react"
import { Control, useWatch } from "react-hook-form"
import { TARGET_LABEL } from "../../../../../components/codes/discount-text"
import { ChoiceField, MoneyField, PercentField, SelectField } from "../../../../../components/fields"
import { DISCOUNT_TARGETS } from "../../../../../lib/codes"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { Pair, Section } from "../../../cashback-rules/components/rule-form/section"
import { CurrencyAmounts } from "../../../pos-keys/components/till-settings/currency-amounts"
import { amountCurrencies, BatchValues } from "./form-state"

const TARGET_HINT = {
  items: "codes.form.target.itemsHint",
  order: "codes.form.target.orderHint",
  shipping: "codes.form.target.shippingHint",
} as const

/**
 * Percent or fixed, on what, how much (in the shop's unit for IRR), the cap
 * of a percent discount and the minimum basket, per currency.
 */
export const DiscountSection = ({
  control,
  currencies,
}: {
  control: Control<BatchValues>
  currencies: string[]
}) => {
  const { t } = useLoyaltyTranslation()
  const [type, currency] = useWatch({ control, name: ["discount_type", "currency_code"] })
  const asked = amountCurrencies({ discount_type: type, currency_code: currency }, currencies)
  const currencyOptions = useMemo(
    () => currencies.map((c) => ({ value: c, label: c.toUpperCase() })),
    [currencies]
  )

  return (
    <Section title={t("codes.form.discount.title")} testId="batch-discount">
      <ChoiceField
        control={control}
        name="target"
        id="batch-target"
        testId="batch-target"
        label={t("codes.form.target.label")}
        choices={DISCOUNT_TARGETS.map((target) => ({
          value: target,
          label: t(TARGET_LABEL[target]),
          description: t(TARGET_HINT[target]),
        }))}
      />
      <Pair>
        <SelectField
          control={control}
          name="discount_type"
          id="batch-type"
          label={t("codes.form.type.label")}
          options={[
            { value: "percentage", label: t("codes.form.type.percentage") },
            { value: "fixed", label: t("codes.form.type.fixed") },
          ]}
        />
        {type === "fixed" && (
          <SelectField
            control={control}
            name="currency_code"
            id="batch-currency"
            label={t("codes.form.currency.label")}
            hint={t("codes.form.currency.hint")}
            options={currencyOptions}
          />
        )}
      </Pair>
      {type === "percentage" ? (
        <PercentField
          control={control}
          name="value"
          id="batch-value"
          label={t("codes.form.value.percent")}
          hint={t("codes.form.value.percentHint")}
          placeholder="20"
        />
      ) : (
        <MoneyField
          control={control}
          name="value"
          id="batch-value"
          label={t("codes.form.value.amount")}
          hint={t("codes.form.value.amountHint")}
          currency={currency}
        />
      )}
      {type === "percentage" && (
        <CurrencyAmounts
          control={control}
          name="max_discount"
          currencies={asked}
          idPrefix="batch-max-discount"
          title={t("codes.form.maxDiscount.title")}
          description={t("codes.form.maxDiscount.description")}
          label={t("codes.form.maxDiscount.label")}
          hint={() => t("codes.form.maxDiscount.hint")}
        />
      )}
      <CurrencyAmounts
        control={control}
        name="min_basket"
        currencies={asked}
        idPrefix="batch-min-basket"
        title={t("codes.form.minBasket.title")}
        description={t("codes.form.minBasket.description")}
        label={t("codes.form.minBasket.label")}
        hint={() => t("codes.form.minBasket.hint")}
      />
    </Section>
  )
}
