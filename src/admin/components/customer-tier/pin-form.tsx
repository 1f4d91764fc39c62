// Pinning a customer to a tier, or unpinning them, with a note for the
// history: a drawer with react-hook-form, zod and the shared fields. After
// the change, the customer's loyalty data (tier, club card, wallets) and the
// tiers' member counts refresh.
import { zodResolver } from "@hookform/resolvers/zod"
import { useMemo, useState } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import { SelectField, TextField } from "../fields"
import { FormDrawer } from "../form-drawer"
import { api, LoyaltyApiError, useErrorText } from "../../lib/api"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { useLoyaltyMutation } from "../../lib/mutation"
import { customerMoneyKeys, loyaltyKeys } from "../../lib/query"
import { textSchema } from "../../lib/schema"
import {
  AdminCustomerTier,
  AdminTier,
  isolate,
  useTierName,
} from "../../lib/tier-format"

export type PinMode = "pin" | "unpin"

type Values = { tier_id: string; note: string }

export const PinForm = ({
  mode,
  open,
  onOpenChange,
  customerId,
  who,
  view,
  tiers,
}: {
  mode: PinMode
  open: boolean
  onOpenChange: (open: boolean) => void
  customerId: string
  /** The customer's first name or email. */
  who: string
  view: AdminCustomerTier
  /** The shop's tiers, by rank. */
  tiers: AdminTier[]
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const name = useTierName()
  const pin = mode === "pin"
  const schema = useMemo(
    () =>
      z.object({
        tier_id: pin ? z.string().min(1, t("tiers.customer.pin.tierRequired")) : z.string(),
        note: textSchema(t, { optional: true, max: 1000 }),
      }),
    [pin, t]
  )
  const [defaults] = useState<Values>(() => ({ tier_id: view.tier?.id ?? "", note: "" }))
  const form = useForm<Values>({ resolver: zodResolver(schema as never), defaultValues: defaults })
  const tierNameOf = (id: string | undefined | null) => {
    const tier = tiers.find((x) => x.id === id)
    return tier ? name(tier) : t("tiers.customer.noTier")
  }

  const save = useLoyaltyMutation({
    mutationFn: (values: Values) =>
      api<{ customer_tier: AdminCustomerTier }>(`/admin/loyalty/customers/${customerId}/tier`, {
        method: "POST",
        body: pin
          ? { pinned: true, tier_id: values.tier_id, note: values.note.trim() || null }
          : { pinned: false, note: values.note.trim() || null },
      }),
    invalidate: () => [...customerMoneyKeys(customerId), loyaltyKeys.tiers()],
    success: ({ customer_tier }) =>
      pin
        ? t("tiers.customer.toast.pinned", {
            name: isolate(who),
            tier: isolate(tierNameOf(customer_tier.tier?.id)),
          })
        : t("tiers.customer.toast.unpinned", {
            name: isolate(who),
            tier: isolate(tierNameOf(customer_tier.tier?.id)),
          }),
    onSuccess: () => onOpenChange(false),
    onError: (e) => {
      if (e instanceof LoyaltyApiError && e.code === "loyalty_tier_id_invalid") {
        form.setError("tier_id", { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={
        pin
          ? t("tiers.customer.pin.title", { name: isolate(who) })
          : t("tiers.customer.unpin.title", { name: isolate(who) })
      }
      description={
        pin
          ? t("tiers.customer.pin.description")
          : t("tiers.customer.unpin.description", {
              tier: isolate(tierNameOf(view.qualifies_for?.id)),
            })
      }
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
      submitting={save.isPending}
      submitLabel={pin ? t("tiers.customer.pin.submit") : t("tiers.customer.unpin.submit")}
      testId="customer-tier-form"
    >
      {pin && (
        <SelectField
          control={form.control}
          name="tier_id"
          id="tier-pin-tier"
          label={t("tiers.customer.pin.tier")}
          hint={t("tiers.customer.pin.tierHint")}
          placeholder={t("tiers.customer.pin.tierPlaceholder")}
          options={tiers.map((tier) => ({ value: tier.id, label: name(tier) }))}
        />
      )}
      <TextField
        control={form.control}
        name="note"
        id="tier-pin-note"
        rows={3}
        label={t("tiers.customer.pin.note")}
        hint={t("tiers.customer.pin.noteHint")}
        placeholder={
          pin ? t("tiers.customer.pin.notePlaceholder") : t("tiers.customer.unpin.notePlaceholder")
        }
        optional
      />
    </FormDrawer>
  )
}
