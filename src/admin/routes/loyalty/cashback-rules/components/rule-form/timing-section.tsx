import { useWatch } from "react-hook-form"
import { ChoiceField, DateField, NumberField, SwitchField } from "../../../../../components/fields"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { Pair, Section, SectionProps } from "./section"

/** When the cashback can be spent and lapses, when the rule runs, its boost. */
export const TimingSection = ({ control }: SectionProps) => {
  const { t } = useLoyaltyTranslation()
  const [release, multiplierOn] = useWatch({ control, name: ["release", "multiplier_on"] })
  return (
    <Section title={t("rules.form.timing.title")}>
      <ChoiceField
        control={control}
        name="release"
        id="rule-release"
        label={t("rules.form.release.label")}
        hint={t("rules.form.release.hint")}
        choices={[
          {
            value: "placed",
            label: t("rules.release.placed"),
            description: t("rules.release.placedHint"),
          },
          {
            value: "fulfilled",
            label: t("rules.release.fulfilled"),
            description: t("rules.release.fulfilledHint"),
          },
          {
            value: "hold",
            label: t("rules.release.hold"),
            description: t("rules.release.holdHint"),
          },
        ]}
      />
      <Pair>
        <NumberField
          control={control}
          name="expires_after_days"
          id="rule-expires"
          label={t("rules.form.expires.label")}
          hint={t("rules.form.expires.hint")}
          placeholder={t("rules.form.expires.placeholder")}
          suffix={t("rules.form.days")}
          optional
        />
        {release === "hold" && (
          <NumberField
            control={control}
            name="hold_days"
            id="rule-hold-days"
            label={t("rules.form.holdDays.label")}
            hint={t("rules.form.holdDays.hint")}
            suffix={t("rules.form.days")}
          />
        )}
      </Pair>
      <Pair>
        <DateField
          control={control}
          name="starts_at"
          id="rule-starts"
          label={t("rules.form.startsAt.label")}
          hint={t("rules.form.startsAt.hint")}
          optional
        />
        <DateField
          control={control}
          name="ends_at"
          id="rule-ends"
          label={t("rules.form.endsAt.label")}
          hint={t("rules.form.endsAt.hint")}
          optional
        />
      </Pair>
      <div className="flex flex-col gap-y-4 rounded-lg border p-4" data-testid="rule-multiplier-box">
        <SwitchField
          control={control}
          name="multiplier_on"
          id="rule-multiplier"
          label={t("rules.form.multiplier.label")}
          hint={t("rules.form.multiplier.hint")}
        />
        {multiplierOn && (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <NumberField
              control={control}
              name="multiplier_value"
              id="rule-multiplier-value"
              label={t("rules.form.multiplier.times")}
              hint={t("rules.form.multiplier.timesHint")}
            />
            <DateField
              control={control}
              name="multiplier_starts_at"
              id="rule-multiplier-starts"
              label={t("rules.form.multiplier.from")}
              hint={t("rules.form.multiplier.fromHint")}
              optional
            />
            <DateField
              control={control}
              name="multiplier_ends_at"
              id="rule-multiplier-ends"
              label={t("rules.form.multiplier.until")}
              hint={t("rules.form.multiplier.untilHint")}
              optional
            />
          </div>
        )}
      </div>
    </Section>
  )
}
