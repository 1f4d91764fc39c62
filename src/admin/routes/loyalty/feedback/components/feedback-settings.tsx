import { useCallback, useMemo } from "react"
import { z } from "zod"
import { NumberField, SelectField, SwitchField } from "../../../../components/fields"
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
const LINK_DAYS = { min: 1, max: 3650 }
const LOW_RATINGS = ["1", "2", "3", "4"]

/**
 * Receipts and answers: how long a receipt link opens, whether online
 * orders get one too, which ratings are low (the admin is told) and the
 * apology credit a low rating gets, per currency.
 */
const FeedbackSettingsCard = ({ shop }: { shop: Shop }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const { data: settings } = useLoyaltySettings()
  const currencies = currenciesOf(shop, settings?.feedback_apology_credit ?? null)

  const schema = useMemo(
    () =>
      z.object({
        receipt_link_days: wholeNumberSchema(t, { ...LINK_DAYS, format: number }),
        receipt_sms_online: z.boolean(),
        feedback_low_rating: z.string().min(1, t("common.validation.required")),
        feedback_apology_credit: z.record(z.string(), amountSchema(t, { optional: true })),
      }),
    [number, t]
  )
  type Values = z.infer<typeof schema>

  const toValues = useCallback(
    (s: LoyaltySettings): Values => ({
      receipt_link_days: String(s.receipt_link_days),
      receipt_sms_online: s.receipt_sms_online,
      feedback_low_rating: String(s.feedback_low_rating),
      feedback_apology_credit: amountsToValues(
        s.feedback_apology_credit,
        currenciesOf(shop, s.feedback_apology_credit)
      ),
    }),
    [shop]
  )
  const toBody = useCallback(
    (v: Values) => ({
      receipt_link_days: Number(v.receipt_link_days),
      receipt_sms_online: v.receipt_sms_online,
      feedback_low_rating: Number(v.feedback_low_rating),
      feedback_apology_credit: amountsToBody(v.feedback_apology_credit),
    }),
    []
  )

  return (
    <SettingsCard
      title={t("feedback.settings.title")}
      description={t("feedback.settings.description")}
      schema={schema}
      toValues={toValues}
      toBody={toBody}
      fieldOfCode={amountFieldOfCode(currencies, {
        loyalty_feedback_apology_credit_invalid: "feedback_apology_credit",
      })}
      testId="feedback-settings"
    >
      {(form) => (
        <>
          <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
            <NumberField
              control={form.control}
              name="receipt_link_days"
              id="feedback-receipt-link-days"
              label={t("feedback.settings.linkDays.label")}
              hint={t("feedback.settings.linkDays.hint", {
                min: number(LINK_DAYS.min),
                max: number(LINK_DAYS.max),
              })}
              suffix={t("feedback.settings.days")}
            />
            <SelectField
              control={form.control}
              name="feedback_low_rating"
              id="feedback-low-rating"
              label={t("feedback.settings.lowRating.label")}
              hint={t("feedback.settings.lowRating.hint")}
              options={LOW_RATINGS.map((n) => ({
                value: n,
                label: t("feedback.settings.lowRating.option", { count: Number(n), n: number(n) }),
              }))}
            />
          </div>
          <SwitchField
            control={form.control}
            name="receipt_sms_online"
            id="feedback-receipt-sms-online"
            label={t("feedback.settings.smsOnline.label")}
            hint={t("feedback.settings.smsOnline.hint")}
          />
          <CurrencyAmounts
            control={form.control}
            name="feedback_apology_credit"
            currencies={currencies}
            idPrefix="feedback-apology-credit"
            title={t("feedback.settings.apology.title")}
            description={t("feedback.settings.apology.description")}
            label={t("feedback.settings.apology.label")}
            hint={() => t("feedback.settings.apology.empty")}
          />
        </>
      )}
    </SettingsCard>
  )
}

/** The panel, once the store's currencies are known. */
export const FeedbackSettings = () => {
  const { data: shop } = useShop()
  return shop ? <FeedbackSettingsCard shop={shop} /> : null
}
