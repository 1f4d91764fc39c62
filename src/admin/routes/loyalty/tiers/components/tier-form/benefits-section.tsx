import { UseFormReturn } from "react-hook-form"
import { NumberField, PercentField } from "../../../../../components/fields"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { Group } from "./group"
import { TierFormValues } from "./schema"

/** What the tier pays: its cashback rate and multiplier. */
export const BenefitsSection = ({ form }: { form: UseFormReturn<TierFormValues> }) => {
  const { t } = useLoyaltyTranslation()
  return (
    <Group
      title={t("tiers.form.benefits.title")}
      description={t("tiers.form.benefits.description")}
    >
      <div className="grid grid-cols-2 gap-4">
        <PercentField
          control={form.control}
          name="cashback_rate"
          id="tier-rate"
          label={t("tiers.form.rate.label")}
          hint={t("tiers.form.rate.hint")}
          placeholder={t("tiers.form.rate.placeholder")}
          optional
        />
        <NumberField
          control={form.control}
          name="cashback_multiplier"
          id="tier-multiplier"
          label={t("tiers.form.multiplier.label")}
          hint={t("tiers.form.multiplier.hint")}
          placeholder={t("tiers.form.multiplier.placeholder")}
          suffix={t("tiers.form.multiplier.suffix")}
          optional
        />
      </div>
    </Group>
  )
}
