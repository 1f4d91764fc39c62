import { useCallback, useMemo } from "react"
import { z } from "zod"
import { SwitchField } from "../../../../../components/fields"
import { Amount } from "../../../../../components/wallet/amount"
import { SettingsCard } from "../../../../../components/settings-card"
import { LoyaltySettings } from "../../../../../lib/client"
import { toDisplayAmount, useFormat } from "../../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { useLoyaltySettings } from "../../../../../lib/query"
import { amountSchema } from "../../../../../lib/schema"
import { CurrencyAmounts } from "./currency-amounts"
import { amountsToBody } from "../../../../../lib/amounts"
import { amountFieldOfCode, amountsToValues, currenciesOf, Shop } from "./shop"

// The server's defaults (src/workflows/pos/steps/register-purchase.ts): the
// admin bundle cannot import server code.
const DEFAULT_MAX_PURCHASE: Record<string, string> = {
  irr: "100000000000",
  irt: "10000000000",
}
const maxPurchaseDefault = (currency: string) => DEFAULT_MAX_PURCHASE[currency] ?? "10000000"

/**
 * At the till: whether spending credit takes the member's SMS code, and the
 * largest purchase a till or Register purchase accepts, per currency.
 */
export const TillPanel = ({ shop }: { shop: Shop }) => {
  const { t } = useLoyaltyTranslation()
  const { number, display } = useFormat()
  const { data: settings } = useLoyaltySettings()
  const currencies = currenciesOf(shop, settings?.pos_max_purchase ?? null)

  const schema = useMemo(
    () =>
      z.object({
        pos_redeem_requires_code: z.boolean(),
        pos_max_purchase: z.record(z.string(), amountSchema(t, { optional: true })),
      }),
    [t]
  )
  type Values = z.infer<typeof schema>

  const toValues = useCallback(
    (s: LoyaltySettings): Values => ({
      pos_redeem_requires_code: s.pos_redeem_requires_code,
      pos_max_purchase: amountsToValues(
        s.pos_max_purchase,
        currenciesOf(shop, s.pos_max_purchase)
      ),
    }),
    [shop]
  )
  const toBody = useCallback(
    (v: Values) => ({
      pos_redeem_requires_code: v.pos_redeem_requires_code,
      pos_max_purchase: amountsToBody(v.pos_max_purchase),
    }),
    []
  )

  return (
    <SettingsCard
      title={t("till.settings.till.title")}
      description={t("till.settings.till.description")}
      schema={schema}
      toValues={toValues}
      toBody={toBody}
      fieldOfCode={amountFieldOfCode(currencies, {
        loyalty_pos_max_purchase_invalid: "pos_max_purchase",
      })}
      testId="till-settings"
    >
      {(form) => (
        <>
          <SwitchField
            control={form.control}
            name="pos_redeem_requires_code"
            id="till-redeem-requires-code"
            label={t("till.settings.requiresCode.label")}
            hint={t("till.settings.requiresCode.hint")}
          />
          <CurrencyAmounts
            control={form.control}
            name="pos_max_purchase"
            currencies={currencies}
            idPrefix="till-max-purchase"
            title={t("till.settings.maxPurchase.title")}
            description={t("till.settings.maxPurchase.description")}
            label={t("till.settings.maxPurchase.label")}
            placeholder={(c) => number(toDisplayAmount(maxPurchaseDefault(c), c, display))}
            hint={(c) => (
              <>
                {t("till.settings.maxPurchase.empty")}{" "}
                <Amount amount={maxPurchaseDefault(c)} currency={c} />
              </>
            )}
          />
        </>
      )}
    </SettingsCard>
  )
}
