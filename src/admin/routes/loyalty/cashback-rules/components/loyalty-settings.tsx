// The club's checkout settings beside its rules: how cashback is taken back
// on a return, whether credit-paid parts earn, and how wallet credit pays at
// checkout (its largest share of an order, the balance it needs first).
import { Text } from "@medusajs/ui"
import { useCallback, useMemo, useRef } from "react"
import { Path, UseFormReturn } from "react-hook-form"
import { z } from "zod"
import { ChoiceField, MoneyField, PercentField, SwitchField } from "../../../../components/fields"
import { SettingsCard } from "../../../../components/settings-card"
import { ClawbackStrategy, LoyaltySettings as Settings } from "../../../../lib/client"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { amountsToBody } from "../../../../lib/amounts"
import { amountSchema, wholeNumberSchema } from "../../../../lib/schema"
import { useCurrencyCodes } from "./rule-form/options"

type Values = {
  clawback_strategy: ClawbackStrategy
  include_credit_paid: boolean
  credit_pays_shipping: boolean
  auto_apply: boolean
  /** Whole percent as typed; "" for no limit. */
  max_credit_share: string
  /** API amount per currency; "" or missing for none. */
  min_redeem_balance: Record<string, string>
}

const toValues = (s: Settings): Values => ({
  clawback_strategy: s.clawback_strategy,
  include_credit_paid: s.include_credit_paid,
  credit_pays_shipping: s.credit_pays_shipping,
  auto_apply: s.auto_apply,
  max_credit_share: s.max_credit_share == null ? "" : String(s.max_credit_share),
  min_redeem_balance: { ...(s.min_redeem_balance ?? {}) },
})

// No minimums read back as null: a stored {} stays as stored when another
// setting is saved (the card sends only what differs).
const toBody = (v: Values) => ({
  clawback_strategy: v.clawback_strategy,
  include_credit_paid: v.include_credit_paid,
  credit_pays_shipping: v.credit_pays_shipping,
  auto_apply: v.auto_apply,
  max_credit_share: v.max_credit_share === "" ? null : Number(v.max_credit_share),
  min_redeem_balance: amountsToBody(v.min_redeem_balance),
})

export const LoyaltySettings = () => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const storeCurrencies = useCurrencyCodes()
  const form = useRef<UseFormReturn<Values> | null>(null)

  const schema = useMemo(
    () =>
      z.object({
        clawback_strategy: z.enum(["partial", "force_negative", "skip"]),
        include_credit_paid: z.boolean(),
        credit_pays_shipping: z.boolean(),
        auto_apply: z.boolean(),
        max_credit_share: wholeNumberSchema(t, { optional: true, min: 1, max: 100, format: number }),
        // A currency whose field was never typed in has no value at all.
        min_redeem_balance: z.record(z.string(), amountSchema(t, { optional: true }).optional()),
      }),
    [number, t]
  )

  // The API's complaint about a minimum: at the first currency that has one.
  const fieldOfCode = useCallback((code: string): Path<Values> | undefined => {
    if (code !== "loyalty_min_redeem_balance_invalid") {
      return undefined
    }
    const set = Object.entries(form.current?.getValues("min_redeem_balance") ?? {}).find(
      ([, amount]) => amount
    )
    return set ? (`min_redeem_balance.${set[0]}` as Path<Values>) : undefined
  }, [])

  return (
    <SettingsCard<Values>
      title={t("rules.settings.title")}
      description={t("rules.settings.description")}
      schema={schema as z.ZodType<Values, any>}
      toValues={toValues}
      toBody={toBody}
      fieldOfCode={fieldOfCode}
      testId="loyalty-settings"
    >
      {(f) => {
        form.current = f
        const stored = Object.keys(f.getValues("min_redeem_balance") ?? {})
        const currencies = Array.from(new Set([...storeCurrencies, ...stored])).sort()
        return (
          <>
            <ChoiceField
              control={f.control}
              name="clawback_strategy"
              id="clawback-strategy"
              testId="clawback"
              label={t("rules.settings.clawback.label")}
              hint={t("rules.settings.clawback.hint")}
              choices={[
                {
                  value: "partial",
                  label: t("rules.settings.clawback.partial"),
                  description: t("rules.settings.clawback.partialHint"),
                },
                {
                  value: "force_negative",
                  label: t("rules.settings.clawback.forceNegative"),
                  description: t("rules.settings.clawback.forceNegativeHint"),
                },
                {
                  value: "skip",
                  label: t("rules.settings.clawback.skip"),
                  description: t("rules.settings.clawback.skipHint"),
                },
              ]}
            />
            <SwitchField
              control={f.control}
              name="include_credit_paid"
              id="include-credit-paid"
              label={t("rules.settings.includeCreditPaid.label")}
              hint={t("rules.settings.includeCreditPaid.hint")}
            />
            <div className="flex flex-col gap-y-4 border-t pt-4" data-testid="checkout-settings">
              <div>
                <Text size="small" weight="plus">
                  {t("rules.settings.checkout.title")}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("rules.settings.checkout.hint")}
                </Text>
              </div>
              <SwitchField
                control={f.control}
                name="credit_pays_shipping"
                id="credit-pays-shipping"
                label={t("rules.settings.checkout.shipping")}
                hint={t("rules.settings.checkout.shippingHint")}
              />
              <SwitchField
                control={f.control}
                name="auto_apply"
                id="auto-apply"
                label={t("rules.settings.checkout.autoApply")}
                hint={t("rules.settings.checkout.autoApplyHint")}
              />
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                <PercentField
                  control={f.control}
                  name="max_credit_share"
                  id="max-credit-share"
                  label={t("rules.settings.checkout.share")}
                  hint={t("rules.settings.checkout.shareHint")}
                  placeholder={t("rules.settings.checkout.sharePlaceholder")}
                  optional
                />
                {currencies.map((currency) => (
                  <MoneyField
                    key={currency}
                    control={f.control}
                    name={`min_redeem_balance.${currency}` as Path<Values>}
                    id={`min-redeem-balance-${currency}`}
                    currency={currency}
                    label={t("rules.settings.checkout.minimum")}
                    hint={t("rules.settings.checkout.minimumHint")}
                    placeholder={t("rules.settings.checkout.minimumPlaceholder")}
                    optional
                  />
                ))}
              </div>
            </div>
          </>
        )
      }}
    </SettingsCard>
  )
}
