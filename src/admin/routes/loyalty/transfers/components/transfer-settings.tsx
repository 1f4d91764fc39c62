import { useCallback, useMemo } from "react"
import { z } from "zod"
import { NumberField, SwitchField } from "../../../../components/fields"
import { SettingsCard } from "../../../../components/settings-card"
import { amountsToBody } from "../../../../lib/amounts"
import { LoyaltySettings } from "../../../../lib/client"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltySettings } from "../../../../lib/query"
import { amountSchema, wholeNumberSchema } from "../../../../lib/schema"
import { CurrencyAmounts } from "../../pos-keys/components/till-settings/currency-amounts"
import {
  amountFieldOfCode,
  amountsToValues,
  currenciesOf,
  Shop,
  useShop,
} from "../../pos-keys/components/till-settings/shop"

// The API's bounds (src/api/admin/loyalty/settings/validators.ts).
const CLAIM_DAYS = { min: 1, max: 365 }
const DAILY_COUNT = { min: 1, max: 1000 }

/**
 * Sending credit to a phone: on or off, the days a recipient has to claim
 * it, how many a member may send a day, and the largest transfer and day's
 * total per currency (none set: no limit).
 */
const TransferSettingsCard = ({ shop }: { shop: Shop }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const { data: settings } = useLoyaltySettings()
  const currencies = currenciesOf(
    shop,
    settings?.transfer_max_amount ?? null,
    settings?.transfer_daily_limit ?? null
  )

  const schema = useMemo(
    () =>
      z.object({
        transfers_enabled: z.boolean(),
        transfer_claim_days: wholeNumberSchema(t, { ...CLAIM_DAYS, format: number }),
        transfer_daily_count: wholeNumberSchema(t, { ...DAILY_COUNT, format: number }),
        transfer_max_amount: z.record(z.string(), amountSchema(t, { optional: true })),
        transfer_daily_limit: z.record(z.string(), amountSchema(t, { optional: true })),
      }),
    [number, t]
  )
  type Values = z.infer<typeof schema>

  const toValues = useCallback(
    (s: LoyaltySettings): Values => {
      const shown = currenciesOf(shop, s.transfer_max_amount, s.transfer_daily_limit)
      return {
        transfers_enabled: s.transfers_enabled,
        transfer_claim_days: String(s.transfer_claim_days),
        transfer_daily_count: String(s.transfer_daily_count),
        transfer_max_amount: amountsToValues(s.transfer_max_amount, shown),
        transfer_daily_limit: amountsToValues(s.transfer_daily_limit, shown),
      }
    },
    [shop]
  )
  const toBody = useCallback(
    (v: Values) => ({
      transfers_enabled: v.transfers_enabled,
      transfer_claim_days: Number(v.transfer_claim_days),
      transfer_daily_count: Number(v.transfer_daily_count),
      transfer_max_amount: amountsToBody(v.transfer_max_amount),
      transfer_daily_limit: amountsToBody(v.transfer_daily_limit),
    }),
    []
  )

  return (
    <SettingsCard
      title={t("transfers.settings.title")}
      description={t("transfers.settings.description")}
      schema={schema}
      toValues={toValues}
      toBody={toBody}
      fieldOfCode={amountFieldOfCode(currencies, {
        loyalty_transfer_max_amount_invalid: "transfer_max_amount",
        loyalty_transfer_daily_limit_invalid: "transfer_daily_limit",
      })}
      testId="transfer-settings"
    >
      {(form) => (
        <>
          <SwitchField
            control={form.control}
            name="transfers_enabled"
            id="transfer-enabled"
            label={t("transfers.settings.enabled.label")}
            hint={t("transfers.settings.enabled.hint")}
          />
          <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
            <NumberField
              control={form.control}
              name="transfer_claim_days"
              id="transfer-claim-days"
              label={t("transfers.settings.claimDays.label")}
              hint={t("transfers.settings.claimDays.hint", {
                min: number(CLAIM_DAYS.min),
                max: number(CLAIM_DAYS.max),
              })}
              suffix={t("transfers.settings.days")}
            />
            <NumberField
              control={form.control}
              name="transfer_daily_count"
              id="transfer-daily-count"
              label={t("transfers.settings.dailyCount.label")}
              hint={t("transfers.settings.dailyCount.hint", {
                min: number(DAILY_COUNT.min),
                max: number(DAILY_COUNT.max),
              })}
            />
          </div>
          <CurrencyAmounts
            control={form.control}
            name="transfer_max_amount"
            currencies={currencies}
            idPrefix="transfer-max-amount"
            title={t("transfers.settings.maxAmount.title")}
            description={t("transfers.settings.maxAmount.description")}
            label={t("transfers.settings.maxAmount.label")}
            hint={() => t("transfers.settings.noLimit")}
          />
          <CurrencyAmounts
            control={form.control}
            name="transfer_daily_limit"
            currencies={currencies}
            idPrefix="transfer-daily-limit"
            title={t("transfers.settings.dailyLimit.title")}
            description={t("transfers.settings.dailyLimit.description")}
            label={t("transfers.settings.dailyLimit.label")}
            hint={() => t("transfers.settings.noLimit")}
          />
        </>
      )}
    </SettingsCard>
  )
}

/** The panel, once the store's currencies are known. */
export const TransferSettings = () => {
  const { data: shop } = useShop()
  return shop ? <TransferSettingsCard shop={shop} /> : null
}
