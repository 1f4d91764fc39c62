import { useCallback, useMemo } from "react"
import { z } from "zod"
import { NumberField, PickerField, SwitchField } from "../../../../../components/fields"
import { SettingsCard } from "../../../../../components/settings-card"
import { LoyaltySettings } from "../../../../../lib/client"
import { useFormat } from "../../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { useLoyaltySettings } from "../../../../../lib/query"
import { amountSchema, wholeNumberSchema } from "../../../../../lib/schema"
import { useCountryName, useCountryOptions } from "./countries"
import { CurrencyAmounts } from "./currency-amounts"
import { amountsToBody } from "../../../../../lib/amounts"
import { amountFieldOfCode, amountsToValues, currenciesOf, Shop } from "./shop"

// The API's bounds (src/api/admin/loyalty/settings/validators.ts).
const HOURLY_CAP = { min: 1, max: 1_000_000 }
const PER_ADDRESS = { min: 1, max: 10_000 }

/**
 * Joining at the kiosk: which countries' numbers may ask for a sign-up
 * code, how many codes an hour and per device, whose address counts, and
 * the welcome credit per currency.
 */
export const KioskPanel = ({ shop }: { shop: Shop }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const { data: settings } = useLoyaltySettings()
  const countryOptions = useCountryOptions()
  const countryName = useCountryName()
  const currencies = currenciesOf(shop, settings?.signup_bonus ?? null)

  const schema = useMemo(
    () =>
      z.object({
        signup_countries: z.array(z.string()),
        signup_hourly_cap: wholeNumberSchema(t, { ...HOURLY_CAP, format: number }),
        signup_per_address_limit: wholeNumberSchema(t, { ...PER_ADDRESS, format: number }),
        signup_behind_proxy: z.boolean(),
        signup_bonus: z.record(z.string(), amountSchema(t, { optional: true })),
      }),
    [number, t]
  )
  type Values = z.infer<typeof schema>

  const toValues = useCallback(
    (s: LoyaltySettings): Values => ({
      signup_countries: s.signup_countries ?? [],
      signup_hourly_cap: String(s.signup_hourly_cap),
      signup_per_address_limit: String(s.signup_per_address_limit),
      signup_behind_proxy: s.signup_behind_proxy,
      signup_bonus: amountsToValues(s.signup_bonus, currenciesOf(shop, s.signup_bonus)),
    }),
    [shop]
  )
  const toBody = useCallback(
    (v: Values) => ({
      signup_countries: v.signup_countries.length ? [...v.signup_countries].sort() : null,
      signup_hourly_cap: Number(v.signup_hourly_cap),
      signup_per_address_limit: Number(v.signup_per_address_limit),
      signup_behind_proxy: v.signup_behind_proxy,
      signup_bonus: amountsToBody(v.signup_bonus),
    }),
    []
  )

  // What an empty countries field means for this store.
  const region = shop.regionCountries
  const emptyCountries = region?.length
    ? t("till.settings.countries.emptyRegion", {
        countries: region.map(countryName).join(t("till.settings.countries.separator")),
      })
    : region
      ? t("till.settings.countries.emptyIran")
      : t("till.settings.countries.emptyUnknown")

  return (
    <SettingsCard
      title={t("till.settings.kiosk.title")}
      description={t("till.settings.kiosk.description")}
      schema={schema}
      toValues={toValues}
      toBody={toBody}
      fieldOfCode={amountFieldOfCode(currencies, {
        loyalty_signup_bonus_invalid: "signup_bonus",
      })}
      testId="kiosk-settings"
    >
      {(form) => (
        <>
          <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-3">
            <PickerField
              control={form.control}
              name="signup_countries"
              id="till-signup-countries"
              label={t("till.settings.countries.label")}
              hint={`${t("till.settings.countries.hint")} ${emptyCountries}`}
              placeholder={t("till.settings.countries.placeholder")}
              options={countryOptions}
            />
            <NumberField
              control={form.control}
              name="signup_hourly_cap"
              id="till-signup-hourly-cap"
              label={t("till.settings.hourlyCap.label")}
              hint={t("till.settings.hourlyCap.hint", {
                min: number(HOURLY_CAP.min),
                max: number(HOURLY_CAP.max),
              })}
            />
            <NumberField
              control={form.control}
              name="signup_per_address_limit"
              id="till-signup-per-address"
              label={t("till.settings.perAddress.label")}
              hint={t("till.settings.perAddress.hint", {
                min: number(PER_ADDRESS.min),
                max: number(PER_ADDRESS.max),
              })}
            />
          </div>
          <SwitchField
            control={form.control}
            name="signup_behind_proxy"
            id="till-signup-behind-proxy"
            label={t("till.settings.behindProxy.label")}
            hint={t("till.settings.behindProxy.hint")}
          />
          <CurrencyAmounts
            control={form.control}
            name="signup_bonus"
            currencies={currencies}
            idPrefix="till-signup-bonus"
            title={t("till.settings.signupBonus.title")}
            description={t("till.settings.signupBonus.description")}
            label={t("till.settings.signupBonus.label")}
            hint={() => t("till.settings.signupBonus.empty")}
          />
        </>
      )}
    </SettingsCard>
  )
}
