import { Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useWatch } from "react-hook-form"
import {
  MoneyField,
  PercentField,
  SelectField,
  SwitchField,
} from "../../../../../components/fields"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { ANY_CURRENCY } from "./form-state"
import { Pair, Section, SectionProps } from "./section"

/**
 * Percent or fixed, the currency, the rate or amount, the order minimum and
 * cap (in Toman or Rial for IRR, as the shop counts), what the tier adds.
 */
export const AmountSection = ({
  control,
  currencies,
}: SectionProps & { currencies: string[] }) => {
  const { t } = useLoyaltyTranslation()
  const [type, currency, useTierRate] = useWatch({
    control,
    name: ["type", "currency_code", "use_tier_rate"],
  })
  // The rule's own currency is always a choice, also before the store's
  // currencies load: a Radix select whose value has no item reports "".
  const currencyOptions = useMemo(
    () => [
      { value: ANY_CURRENCY, label: t("rules.form.currency.any") },
      ...Array.from(
        new Set([...currencies, ...(currency !== ANY_CURRENCY ? [currency] : [])])
      ).map((c) => ({ value: c, label: c.toUpperCase() })),
    ],
    [currencies, currency, t]
  )
  const code = currency === ANY_CURRENCY ? "" : currency

  return (
    <Section title={t("rules.form.amount.title")}>
      <Pair>
        <SelectField
          control={control}
          name="type"
          id="rule-type"
          label={t("rules.form.type.label")}
          hint={t("rules.form.type.hint")}
          options={[
            { value: "percent", label: t("rules.form.type.percent") },
            { value: "fixed", label: t("rules.form.type.fixed") },
          ]}
        />
        <SelectField
          control={control}
          name="currency_code"
          id="rule-currency"
          label={t("rules.form.currency.label")}
          hint={type === "fixed" ? t("rules.form.currency.hintFixed") : t("rules.form.currency.hint")}
          options={currencyOptions}
        />
      </Pair>
      {type === "percent" ? (
        <PercentField
          control={control}
          name="value"
          id="rule-value"
          label={t("rules.form.value.rate")}
          hint={useTierRate ? t("rules.form.value.rateHintTier") : t("rules.form.value.rateHint")}
          placeholder="2.5"
        />
      ) : (
        <MoneyField
          control={control}
          name="value"
          id="rule-value"
          label={t("rules.form.value.amount")}
          hint={t("rules.form.value.amountHint")}
          currency={code}
        />
      )}
      <Pair>
        <MoneyField
          control={control}
          name="min_subtotal"
          id="rule-min-subtotal"
          label={t("rules.form.minSubtotal.label")}
          hint={t("rules.form.minSubtotal.hint")}
          placeholder={t("rules.form.minSubtotal.placeholder")}
          optional
          currency={code}
        />
        <MoneyField
          control={control}
          name="max_amount"
          id="rule-max-amount"
          label={t("rules.form.maxAmount.label")}
          hint={t("rules.form.maxAmount.hint")}
          placeholder={t("rules.form.maxAmount.placeholder")}
          optional
          currency={code}
        />
      </Pair>
      <div className="flex flex-col gap-y-4 rounded-lg border p-4" data-testid="rule-tier-benefits">
        <div>
          <Text size="small" weight="plus">
            {t("rules.form.tier.title")}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("rules.form.tier.hint")}
          </Text>
        </div>
        <SwitchField
          control={control}
          name="use_tier_rate"
          id="rule-use-tier-rate"
          label={t("rules.form.tier.rate")}
          hint={type === "percent" ? t("rules.form.tier.rateHint") : t("rules.form.tier.rateFixed")}
          disabled={type !== "percent"}
        />
        <SwitchField
          control={control}
          name="use_tier_multiplier"
          id="rule-use-tier-multiplier"
          label={t("rules.form.tier.multiplier")}
          hint={t("rules.form.tier.multiplierHint")}
        />
      </div>
    </Section>
  )
}
