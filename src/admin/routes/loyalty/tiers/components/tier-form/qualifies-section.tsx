import { useMemo } from "react"
import { UseFormReturn, useWatch } from "react-hook-form"
import {
  MoneyField,
  NumberField,
  SelectField,
} from "../../../../../components/fields"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import {
  TIER_WINDOWS,
  WINDOW_HINTS,
  WINDOW_LABELS,
} from "../../../../../lib/tier-format"
import { Group } from "./group"
import { TierFormValues } from "./schema"

/** What reaches the tier: the currency, spend and orders, and the window. */
export const QualifiesSection = ({
  form,
  currencies,
  currencyLocked,
}: {
  form: UseFormReturn<TierFormValues>
  /** The store's currencies. */
  currencies: string[]
  /** All tiers count spend in one currency: fixed once a tier exists. */
  currencyLocked: boolean
}) => {
  const { t } = useLoyaltyTranslation()
  const [currency, windowKind] = useWatch({
    control: form.control,
    name: ["currency_code", "qualification_window"],
  })
  // The tier's own currency is always a choice, also before (or without)
  // the store's list: a select whose value is not among its items reports
  // "" and would empty it.
  const currencyOptions = useMemo(() => {
    const list = [...currencies]
    const saved = form.formState.defaultValues?.currency_code
    if (saved && !list.includes(saved)) {
      list.push(saved)
    }
    return list.map((c) => ({ value: c, label: c.toUpperCase() }))
  }, [currencies, form.formState.defaultValues?.currency_code])

  return (
    <Group
      title={t("tiers.form.qualifies.title")}
      description={t("tiers.form.qualifies.description")}
    >
      <div className="grid grid-cols-2 gap-4">
        <SelectField
          control={form.control}
          name="currency_code"
          id="tier-currency"
          label={t("tiers.form.currency.label")}
          hint={
            currencyLocked
              ? t("tiers.form.currency.locked")
              : t("tiers.form.currency.hint")
          }
          placeholder={t("common.picker.placeholder")}
          disabled={currencyLocked}
          options={currencyOptions}
        />
      </div>
      <MoneyField
        control={form.control}
        name="min_spend"
        id="tier-min-spend"
        currency={currency || "irr"}
        label={t("tiers.form.minSpend.label")}
        hint={t("tiers.form.minSpend.hint")}
        placeholder={t("tiers.form.noMinimum")}
        optional
      />
      <div className="grid grid-cols-2 gap-4">
        <NumberField
          control={form.control}
          name="min_orders"
          id="tier-min-orders"
          label={t("tiers.form.minOrders.label")}
          hint={t("tiers.form.minOrders.hint")}
          placeholder={t("tiers.form.noMinimum")}
          optional
        />
      </div>
      <div className="grid grid-cols-2 gap-4">
        <SelectField
          control={form.control}
          name="qualification_window"
          id="tier-window"
          label={t("tiers.form.window.label")}
          hint={t(WINDOW_HINTS[windowKind ?? "rolling"])}
          options={TIER_WINDOWS.map((w) => ({ value: w, label: t(WINDOW_LABELS[w]) }))}
        />
        {windowKind === "rolling" && (
          <NumberField
            control={form.control}
            name="window_days"
            id="tier-window-days"
            label={t("tiers.form.windowDays.label")}
            hint={t("tiers.form.windowDays.hint")}
            suffix={t("tiers.units.days")}
          />
        )}
      </div>
    </Group>
  )
}
