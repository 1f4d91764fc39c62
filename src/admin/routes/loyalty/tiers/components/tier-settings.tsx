import { useMemo } from "react"
import { NumberField } from "../../../../components/fields"
import { SettingsCard } from "../../../../components/settings-card"
import { LoyaltySettings } from "../../../../lib/client"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { wholeNumberSchema } from "../../../../lib/schema"
import { z } from "zod"

type Values = { tier_grace_days: string }

const toValues = (settings: LoyaltySettings): Values => ({
  tier_grace_days: String(settings.tier_grace_days),
})

const toBody = (values: Values) => ({ tier_grace_days: Number(values.tier_grace_days) })

// The card has one field: a refused request is about it.
const fieldOfCode = () => "tier_grace_days" as const

/** The shop settings that belong to tiers: the grace period. */
export const TierSettings = () => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const schema = useMemo(
    () =>
      z.object({
        tier_grace_days: wholeNumberSchema(t, { min: 0, max: 3650, format: number }),
      }),
    [t, number]
  )
  return (
    <SettingsCard<Values>
      title={t("tiers.settings.title")}
      description={t("tiers.settings.description")}
      schema={schema}
      toValues={toValues}
      toBody={toBody}
      fieldOfCode={fieldOfCode}
      testId="tier-settings"
    >
      {(form) => (
        <div className="max-w-sm">
          <NumberField
            control={form.control}
            name="tier_grace_days"
            id="tier-grace-days"
            label={t("tiers.settings.graceDays.label")}
            hint={t("tiers.settings.graceDays.hint", { max: number(3650) })}
            suffix={t("tiers.units.days")}
          />
        </div>
      )}
    </SettingsCard>
  )
}
