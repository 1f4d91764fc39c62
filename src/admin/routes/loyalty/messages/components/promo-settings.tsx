import { Select, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Controller, useWatch } from "react-hook-form"
import { z } from "zod"
import { MoneyField, TextField } from "../../../../components/fields"
import { Ltr } from "../../../../components/ltr"
import { SettingsCard } from "../../../../components/settings-card"
import { LoyaltySettings } from "../../../../lib/client"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { LOCALE_LABEL } from "../../../../lib/messages"
import { useStoreCurrencies } from "../../../../lib/query"
import { amountSchema, textSchema } from "../../../../lib/schema"

/** The gateways a part price can be set for (src/providers/sms/types.ts, `log` aside). */
const GATEWAYS = ["kavenegar", "smsir", "melipayamak", "ghasedak", "twilio", "webhook"] as const
type Gateway = (typeof GATEWAYS)[number]

/** The gateways' names as shops know them (brands: Latin, isolated). */
const GATEWAY_NAME: Record<Gateway, string> = {
  kavenegar: "Kavenegar",
  smsir: "sms.ir",
  melipayamak: "Melipayamak",
  ghasedak: "Ghasedak",
  twilio: "Twilio",
  webhook: "Webhook",
}

// The API's limit (src/api/admin/loyalty/settings/validators.ts).
const OPT_OUT_MAX = 40

type Values = {
  opt_out_fa: string
  opt_out_en: string
  prices: Record<Gateway, { amount: string; currency_code: string }>
}

/**
 * Promotional SMS: the opt-out line campaigns and occasions end with, per
 * language (empty: the gateway's default), and what one SMS part costs at
 * each gateway, for the campaigns' cost estimate.
 */
export const PromoSettings = () => {
  const { t, dir } = useLoyaltyTranslation()
  const { data: currencies } = useStoreCurrencies()
  const fallback = currencies?.[0] ?? "irr"
  const choices = useMemo(() => Array.from(new Set([...(currencies ?? []), "usd"])), [currencies])

  const toValues = useMemo(
    () => (s: LoyaltySettings): Values => ({
      opt_out_fa: s.sms_opt_out_line?.fa ?? "",
      opt_out_en: s.sms_opt_out_line?.en ?? "",
      prices: Object.fromEntries(
        GATEWAYS.map((g) => [
          g,
          {
            amount: s.sms_part_prices?.[g]?.amount ?? "",
            currency_code: s.sms_part_prices?.[g]?.currency_code ?? (g === "twilio" ? "usd" : fallback),
          },
        ])
      ) as Values["prices"],
    }),
    [fallback]
  )
  const toBody = (v: Values) => {
    const line: { fa?: string; en?: string } = {}
    if (v.opt_out_fa.trim()) line.fa = v.opt_out_fa.trim()
    if (v.opt_out_en.trim()) line.en = v.opt_out_en.trim()
    const prices = Object.fromEntries(
      GATEWAYS.filter((g) => v.prices[g].amount).map((g) => [
        g,
        { amount: v.prices[g].amount, currency_code: v.prices[g].currency_code },
      ])
    )
    return {
      sms_opt_out_line: Object.keys(line).length ? line : null,
      sms_part_prices: Object.keys(prices).length ? prices : null,
    }
  }
  const schema = useMemo(
    () =>
      z.object({
        opt_out_fa: textSchema(t, { optional: true, max: OPT_OUT_MAX }),
        opt_out_en: textSchema(t, { optional: true, max: OPT_OUT_MAX }),
        prices: z.record(
          z.string(),
          z.object({ amount: amountSchema(t, { optional: true }), currency_code: z.string() })
        ) as unknown as z.ZodType<Values["prices"]>,
      }),
    [t]
  )

  if (!currencies) return null
  return (
    <SettingsCard<Values>
      title={t("messages.promo.title")}
      description={t("messages.promo.description")}
      schema={schema}
      toValues={toValues}
      toBody={toBody}
      fieldOfCode={(code) =>
        code === "loyalty_sms_opt_out_line_invalid"
          ? "opt_out_fa"
          : code === "loyalty_sms_part_prices_invalid"
            ? "prices.kavenegar.amount"
            : undefined
      }
      testId="sms-promo-settings"
    >
      {(form) => (
        <>
          <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
            {(["fa", "en"] as const).map((locale) => (
              <TextField
                key={locale}
                control={form.control}
                name={locale === "fa" ? "opt_out_fa" : "opt_out_en"}
                id={`sms-opt-out-${locale}`}
                dir={locale === "fa" ? "rtl" : "ltr"}
                optional
                placeholder={locale === "fa" ? "لغو۱۱" : "Reply STOP to opt out"}
                label={t("messages.promo.optOut", { language: t(LOCALE_LABEL[locale]) })}
                hint={locale === "fa" ? t("messages.promo.optOutHintFa") : t("messages.promo.optOutHintEn")}
              />
            ))}
          </div>
          <div className="flex flex-col gap-y-3 border-t pt-4" data-testid="sms-part-prices">
            <div>
              <Text size="small" weight="plus">
                {t("messages.promo.prices")}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("messages.promo.pricesHint")}
              </Text>
            </div>
            <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
              {GATEWAYS.map((g) => (
                <PriceRow key={g} gateway={g} form={form} choices={choices} dir={dir} />
              ))}
            </div>
          </div>
        </>
      )}
    </SettingsCard>
  )
}

/** One gateway's part price: the amount in the shop's unit and its currency. */
const PriceRow = ({
  gateway,
  form,
  choices,
  dir,
}: {
  gateway: Gateway
  form: any
  choices: string[]
  dir: "ltr" | "rtl"
}) => {
  const { t } = useLoyaltyTranslation()
  const currency = useWatch({ control: form.control, name: `prices.${gateway}.currency_code` }) as string
  return (
    <div className="flex items-end gap-x-2" data-gateway={gateway}>
      <div className="flex-1">
        <MoneyField
          control={form.control}
          name={`prices.${gateway}.amount`}
          id={`sms-price-${gateway}`}
          currency={currency}
          optional
          label={t("messages.promo.priceOf", { gateway: `\u2066${GATEWAY_NAME[gateway]}\u2069` })}
        />
      </div>
      <div className="w-[90px] pb-[2px]">
        <Controller
          control={form.control}
          name={`prices.${gateway}.currency_code`}
          render={({ field }) => (
            <Select dir={dir} size="small" value={field.value} onValueChange={field.onChange}>
              <Select.Trigger aria-label={t("segments.builder.currency")}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {choices.map((c) => (
                  <Select.Item key={c} value={c}>
                    <Ltr>{c.toUpperCase()}</Ltr>
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
      </div>
    </div>
  )
}
