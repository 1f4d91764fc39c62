// Creating or editing a tier in a drawer: react-hook-form with the zod
// schema of tier-form/schema.ts, the shared field components, each error
// (the form's or the API's) at its field. Its sections live in tier-form/.
import { zodResolver } from "@hookform/resolvers/zod"
import { useMemo, useState } from "react"
import { useForm } from "react-hook-form"
import { NumberField, TextField } from "../../../../components/fields"
import { FormDrawer } from "../../../../components/form-drawer"
import { ShopperNamesFields } from "../../../../components/shopper-names"
import { api, LoyaltyApiError, useErrorText } from "../../../../lib/api"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { loyaltyKeys } from "../../../../lib/query"
import { AdminTier, AdminTierInput, isolate, tierName } from "../../../../lib/tier-format"
import { BenefitsSection } from "./tier-form/benefits-section"
import { QualifiesSection } from "./tier-form/qualifies-section"
import {
  changedBody,
  FIELD_OF_CODE,
  tierBody,
  TierFormValues,
  tierSchema,
  tierValues,
} from "./tier-form/schema"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The tier to edit; null to create one. */
  tier: AdminTier | null
  /** All of the shop's tiers, for the defaults (next rank, the currency). */
  tiers: AdminTier[]
  /** The store's currencies. */
  currencies: string[]
}

/**
 * Mounted afresh at each opening (the page keys it), so its first render
 * already holds the tier: a reload of the list or currencies arriving late
 * never reset what is being typed.
 */
export const TierForm = ({ open, onOpenChange, tier, tiers, currencies }: Props) => {
  const { t, language } = useLoyaltyTranslation()
  const { number } = useFormat()
  const errorText = useErrorText()
  const others = useMemo(() => tiers.filter((o) => o.id !== tier?.id), [tiers, tier])
  const schema = useMemo(() => tierSchema(t, number), [t, number])
  // Read once: see above.
  const [initial] = useState(() => tierValues(tier, others, currencies))
  const form = useForm<TierFormValues>({
    resolver: zodResolver(schema as never),
    defaultValues: initial,
  })

  const save = useLoyaltyMutation({
    mutationFn: (body: Partial<AdminTierInput>) =>
      api<{ tier: AdminTier }>(
        tier ? `/admin/loyalty/tiers/${tier.id}` : "/admin/loyalty/tiers",
        { method: "POST", body }
      ),
    // A tier moves customers (their tier, the next one) and limits rules.
    invalidate: () => [loyaltyKeys.all],
    success: ({ tier: saved }) =>
      t("tiers.toast.saved", { name: isolate(tierName(saved, language)) }),
    onSuccess: () => onOpenChange(false),
    onError: (e) => {
      const field = e instanceof LoyaltyApiError && e.code ? FIELD_OF_CODE[e.code] : undefined
      if (field) {
        form.setError(field, { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  const submit = form.handleSubmit((values) => {
    // An edit sends only what changed: nothing else can be rewritten.
    const body = tier ? changedBody(values, initial) : tierBody(values)
    if (tier && Object.keys(body).length === 0) {
      onOpenChange(false)
      return
    }
    save.mutate(body)
  })

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={
        tier
          ? t("tiers.form.editTitle", { name: isolate(tierName(tier, language)) })
          : t("tiers.form.createTitle")
      }
      description={
        tier ? t("tiers.form.editDescription") : t("tiers.form.createDescription")
      }
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel={tier ? t("tiers.form.submitEdit") : t("tiers.form.submitCreate")}
      testId="tier-form"
    >
      <div className="grid grid-cols-[1fr_120px] gap-4">
        <TextField
          control={form.control}
          name="name"
          id="tier-name"
          label={t("tiers.form.name.label")}
          hint={t("tiers.form.name.hint")}
          placeholder={t("tiers.form.name.placeholder")}
        />
        <NumberField
          control={form.control}
          name="rank"
          id="tier-rank"
          label={t("tiers.form.rank.label")}
          hint={t("tiers.form.rank.hint")}
        />
      </div>
      <ShopperNamesFields
        control={form.control}
        fa={{
          name: "names_fa",
          id: "tier-name-fa",
          label: t("tiers.form.namesFa.label"),
          hint: t("tiers.form.namesFa.hint"),
          placeholder: t("tiers.form.namesFa.placeholder"),
        }}
        en={{
          name: "names_en",
          id: "tier-name-en",
          label: t("tiers.form.namesEn.label"),
          hint: t("tiers.form.namesEn.hint"),
          placeholder: t("tiers.form.namesEn.placeholder"),
        }}
      />
      <TextField
        control={form.control}
        name="description"
        id="tier-description"
        rows={2}
        label={t("tiers.form.description.label")}
        hint={t("tiers.form.description.hint")}
        placeholder={t("tiers.form.description.placeholder")}
        optional
      />
      <QualifiesSection
        form={form}
        currencies={currencies}
        currencyLocked={others.length > 0}
      />
      <BenefitsSection form={form} />
    </FormDrawer>
  )
}
