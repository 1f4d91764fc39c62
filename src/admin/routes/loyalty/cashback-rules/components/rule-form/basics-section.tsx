import { ChoiceField, NumberField, SwitchField, TextField } from "../../../../../components/fields"
import { ShopperNamesFields } from "../../../../../components/shopper-names"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { Pair, Section, SectionProps } from "./section"

/** Name, the names shoppers read, description, on or off, priority, and how it meets other rules. */
export const BasicsSection = ({ control }: SectionProps) => {
  const { t } = useLoyaltyTranslation()
  return (
    <Section title={t("rules.form.basics.title")}>
      <TextField
        control={control}
        name="name"
        id="rule-name"
        label={t("rules.form.name.label")}
        hint={t("rules.form.name.hint")}
        placeholder={t("rules.form.name.placeholder")}
      />
      <ShopperNamesFields
        control={control}
        fa={{
          name: "names_fa",
          id: "rule-name-fa",
          label: t("rules.form.namesFa.label"),
          hint: t("rules.form.namesFa.hint"),
          placeholder: t("rules.form.namesFa.placeholder"),
        }}
        en={{
          name: "names_en",
          id: "rule-name-en",
          label: t("rules.form.namesEn.label"),
          hint: t("rules.form.namesEn.hint"),
          placeholder: t("rules.form.namesEn.placeholder"),
        }}
      />
      <TextField
        control={control}
        name="description"
        id="rule-description"
        label={t("rules.form.description.label")}
        hint={t("rules.form.description.hint")}
        optional
        rows={2}
      />
      <Pair>
        <SwitchField
          control={control}
          name="is_active"
          id="rule-active"
          label={t("rules.form.active.label")}
          hint={t("rules.form.active.hint")}
        />
        <NumberField
          control={control}
          name="priority"
          id="rule-priority"
          label={t("rules.form.priority.label")}
          hint={t("rules.form.priority.hint")}
        />
      </Pair>
      <ChoiceField
        control={control}
        name="combination"
        id="rule-combination"
        label={t("rules.form.combination.label")}
        hint={t("rules.form.combination.hint")}
        choices={[
          {
            value: "best",
            label: t("rules.form.combination.best"),
            description: t("rules.form.combination.bestHint"),
          },
          {
            value: "stack",
            label: t("rules.form.combination.stack"),
            description: t("rules.form.combination.stackHint"),
          },
        ]}
      />
    </Section>
  )
}
