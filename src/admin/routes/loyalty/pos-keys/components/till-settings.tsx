import { Button, Container, Heading, Input, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import {
  groupDigits,
  latinDigits,
  plainDecimal,
  wholeNumber,
} from "../../../../lib/amounts"
import { errorMessage, LoyaltySettings, sdk } from "../../../../lib/client"
import {
  changedFields,
  FieldError,
  fieldInMessage,
  saveSettings,
  SettingField,
  SettingSwitch,
} from "../../../../lib/settings-form"

// The server's defaults (src/workflows/pos/steps/register-purchase.ts and the
// settings model): the admin bundle cannot import server code.
const DEFAULT_MAX_PURCHASE: Record<string, string> = {
  irr: "100000000000",
  irt: "10000000000",
}
const DEFAULT_MAX_PURCHASE_OTHER = "10000000"
const DEFAULT_HOURLY_CAP = 300
const DEFAULT_PER_ADDRESS = 10

const FIELDS = [
  "pos_redeem_requires_code",
  "pos_max_purchase",
  "signup_countries",
  "signup_hourly_cap",
  "signup_per_address_limit",
  "signup_behind_proxy",
] as const
type Field = (typeof FIELDS)[number]

/** What the card edits, as typed. */
type Draft = {
  pos_redeem_requires_code: boolean
  /** Per currency code; empty: the default. */
  pos_max_purchase: Record<string, string>
  signup_countries: string
  signup_hourly_cap: string
  signup_per_address_limit: string
  signup_behind_proxy: boolean
}

type Shop = {
  /** The store's currencies, its default first. */
  currencies: string[]
  /** The default region's countries (ISO alpha-2), or null when unknown. */
  regionCountries: string[] | null
}

async function loadShop(): Promise<Shop> {
  const { stores } = await sdk.client
    .fetch<{
      stores: {
        default_region_id: string | null
        supported_currencies?: { currency_code: string; is_default: boolean }[]
      }[]
    }>("/admin/stores", {
      query: {
        fields:
          "id,default_region_id,supported_currencies.currency_code,supported_currencies.is_default",
      },
    })
    .catch(() => ({ stores: [] }))
  const store = stores[0]
  const currencies = [...(store?.supported_currencies ?? [])]
    .sort((a, b) => Number(b.is_default) - Number(a.is_default))
    .map((c) => c.currency_code.toLowerCase())
  if (!store) {
    return { currencies, regionCountries: null }
  }
  if (!store.default_region_id) {
    return { currencies, regionCountries: [] }
  }
  const region = await sdk.client
    .fetch<{ region: { countries?: { iso_2: string }[] } }>(
      `/admin/regions/${store.default_region_id}`,
      { query: { fields: "id,countries.iso_2" } }
    )
    .catch(() => null)
  return {
    currencies,
    regionCountries: region
      ? (region.region.countries ?? []).map((c) => c.iso_2.toUpperCase())
      : null,
  }
}

const maxPurchaseDefault = (currency: string) =>
  DEFAULT_MAX_PURCHASE[currency] ?? DEFAULT_MAX_PURCHASE_OTHER

/** "IR" -> "Iran", when the browser knows it. */
function countryName(code: string) {
  try {
    return (
      new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code
    )
  } catch {
    return code
  }
}

const listed = (names: string[]) =>
  names.length < 2
    ? names.join("")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`

/** "ir, ae" / "IR AE" -> ["IR", "AE"]; each as typed, for the API to check. */
const countryCodes = (text: string) =>
  latinDigits(text)
    .split(/[\s,،]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean)

/** The currencies shown: the store's, then any other with a maximum set. */
const currenciesOf = (settings: LoyaltySettings, shop: Shop) =>
  Array.from(
    new Set([
      ...shop.currencies,
      ...Object.keys(settings.pos_max_purchase ?? {}).sort(),
    ])
  )

const toDraft = (s: LoyaltySettings, shop: Shop): Draft => ({
  pos_redeem_requires_code: s.pos_redeem_requires_code,
  pos_max_purchase: Object.fromEntries(
    currenciesOf(s, shop).map((c) => {
      const amount = s.pos_max_purchase?.[c]
      return [c, amount ? groupDigits(amount) : ""]
    })
  ),
  signup_countries: (s.signup_countries ?? []).join(", "),
  signup_hourly_cap: groupDigits(String(s.signup_hourly_cap)),
  signup_per_address_limit: groupDigits(String(s.signup_per_address_limit)),
  signup_behind_proxy: s.signup_behind_proxy,
})

/** The API body for what the card shows; amounts without separators. */
function toBody(d: Draft) {
  const amounts = Object.entries(d.pos_max_purchase)
    .map(([currency, text]) => [currency, plainDecimal(text)])
    .filter(([, amount]) => amount !== "")
    .sort(([a], [b]) => a.localeCompare(b))
  const countries = countryCodes(d.signup_countries)
  return {
    pos_redeem_requires_code: d.pos_redeem_requires_code,
    pos_max_purchase: amounts.length ? Object.fromEntries(amounts) : null,
    signup_countries: countries.length ? countries : null,
    signup_hourly_cap: d.signup_hourly_cap.trim()
      ? wholeNumber(d.signup_hourly_cap)
      : DEFAULT_HOURLY_CAP,
    signup_per_address_limit: d.signup_per_address_limit.trim()
      ? wholeNumber(d.signup_per_address_limit)
      : DEFAULT_PER_ADDRESS,
    signup_behind_proxy: d.signup_behind_proxy,
  }
}

/** Only what was edited: a stored `{}` shown empty stays as stored. */
const changedBody = (draft: Draft, settings: LoyaltySettings, shop: Shop) =>
  changedFields(toBody(draft), toBody(toDraft(settings, shop)))

/**
 * The currency a maximum's message is about: the one it names
 * ("pos_max_purchase.irr must be greater than 0"), else the first whose text
 * is no amount, else the first.
 */
function currencyInError(message: string, draft: Draft) {
  const named = /pos_max_purchase\.([a-z]{3})\b/i.exec(message)?.[1]
  const currencies = Object.keys(draft.pos_max_purchase)
  if (named && currencies.includes(named.toLowerCase())) {
    return named.toLowerCase()
  }
  return (
    currencies.find((c) => {
      const text = plainDecimal(draft.pos_max_purchase[c])
      return text !== "" && !/^\d+(\.\d+)?$/.test(text)
    }) ?? currencies[0]
  )
}

const errorTestId = (field: Field | "general") =>
  field === "general" ? "till-settings-error" : `till-settings-error-${field}`

/**
 * The till's and the kiosk's settings: the code to spend credit, the largest
 * purchase, and who may sign up by SMS and how often.
 */
export const TillSettings = () => {
  const [saved, setSaved] = useState<LoyaltySettings | null>(null)
  const [shop, setShop] = useState<Shop | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<
    Partial<Record<Field | "general", string>>
  >({})
  const [errorCurrency, setErrorCurrency] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    // A load that answers after the card was left (or, in development,
    // mounted twice) must not overwrite what is being typed.
    let current = true
    Promise.all([
      sdk.client.fetch<{ settings: LoyaltySettings }>(
        "/admin/loyalty/settings"
      ),
      loadShop(),
    ])
      .then(([{ settings }, shop]) => {
        if (!current) return
        setShop(shop)
        setSaved(settings)
        setDraft(toDraft(settings, shop))
      })
      .catch((e) => current && setLoadError(errorMessage(e)))
    return () => {
      current = false
    }
  }, [])

  const dirty =
    !!saved &&
    !!shop &&
    !!draft &&
    Object.keys(changedBody(draft, saved, shop)).length > 0

  const change = (patch: Partial<Draft>, field: Field) => {
    if (!draft) return
    setDraft({ ...draft, ...patch })
    if (errors[field] || errors.general) {
      const next = { ...errors }
      delete next[field]
      delete next.general
      setErrors(next)
    }
  }

  const save = async () => {
    if (!draft || !saved || !shop) return
    setBusy(true)
    setErrors({})
    try {
      const settings = await saveSettings(changedBody(draft, saved, shop))
      setSaved(settings)
      setDraft(toDraft(settings, shop))
      toast.success("Till and kiosk settings saved")
    } catch (e) {
      const message = errorMessage(e)
      const field = fieldInMessage(message, FIELDS)
      setErrorCurrency(
        field === "pos_max_purchase" ? currencyInError(message, draft) : null
      )
      setErrors({ [field]: message })
    } finally {
      setBusy(false)
    }
  }

  const typedCountries = draft ? countryCodes(draft.signup_countries) : []
  const regionCountries = shop?.regionCountries
  const defaultCountries = regionCountries?.length
    ? `the countries of the store's default region (${listed(regionCountries.map(countryName))})`
    : regionCountries
      ? "Iran only, as the store has no default region"
      : "the countries of the store's default region"
  const countriesHint = typedCountries.every((c) => /^[A-Z]{2}$/.test(c))
    ? typedCountries.length
      ? `Only mobile numbers from ${listed(typedCountries.map(countryName))} can ask for a sign-up code at the kiosk.`
      : `Only mobile numbers from these countries can ask for a sign-up code at the kiosk. Empty: ${defaultCountries}.`
    : "Two-letter country codes, e.g. IR or IR, AE."

  return (
    <Container className="divide-y p-0" data-testid="till-settings">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Till and kiosk settings</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What a till may do with a member's credit, and who may join the
            club by SMS at the kiosk.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          className="shrink-0"
          onClick={save}
          disabled={!dirty}
          isLoading={busy}
          data-testid="till-settings-save"
        >
          Save settings
        </Button>
      </div>
      {!draft ? (
        <div className="px-6 py-4">
          <Text
            size="small"
            className={loadError ? "text-ui-fg-error" : "text-ui-fg-subtle"}
          >
            {loadError ?? "Loading…"}
          </Text>
        </div>
      ) : (
        <>
          <div className="flex flex-col gap-y-4 px-6 py-4">
            <Text size="small" weight="plus">
              At the till
            </Text>
            <SettingSwitch
              id="till-redeem-requires-code"
              weight="plus"
              label="Ask for the member's SMS code to spend their credit"
              hint="On: before a till spends a member's credit, the member reads out the code texted to their phone, so knowing someone's number is not enough. Off: the phone number alone lets a till spend the balance."
              checked={draft.pos_redeem_requires_code}
              onCheckedChange={(v) =>
                change(
                  { pos_redeem_requires_code: v },
                  "pos_redeem_requires_code"
                )
              }
              error={errors.pos_redeem_requires_code}
              errorTestId={errorTestId("pos_redeem_requires_code")}
            />
            <div className="flex flex-col gap-y-2">
              <div>
                <Text size="small" weight="plus">
                  Largest single purchase
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  A till or Register purchase refuses a bigger amount, so a
                  typo or a forged amount cannot earn a fortune in cashback.
                  Type it as you read it: 50,000,000,000 or{" "}
                  <bdi>۵۰٬۰۰۰٬۰۰۰٬۰۰۰</bdi>.
                </Text>
              </div>
              <div className="grid grid-cols-1 gap-x-6 gap-y-3 md:grid-cols-3">
                {Object.keys(draft.pos_max_purchase).map((currency) => {
                  const code = currency.toUpperCase()
                  const invalid =
                    !!errors.pos_max_purchase && errorCurrency === currency
                  return (
                    <SettingField
                      key={currency}
                      id={`till-max-purchase-${currency}`}
                      label={`In ${code}`}
                      hint={`Empty: ${groupDigits(maxPurchaseDefault(currency))} ${code}.`}
                      error={invalid ? errors.pos_max_purchase : undefined}
                      errorTestId={errorTestId("pos_max_purchase")}
                    >
                      <Input
                        id={`till-max-purchase-${currency}`}
                        size="small"
                        dir="ltr"
                        inputMode="decimal"
                        autoComplete="off"
                        placeholder={groupDigits(maxPurchaseDefault(currency))}
                        value={draft.pos_max_purchase[currency]}
                        onChange={(e) =>
                          change(
                            {
                              pos_max_purchase: {
                                ...draft.pos_max_purchase,
                                [currency]: e.target.value,
                              },
                            },
                            "pos_max_purchase"
                          )
                        }
                        onBlur={(e) => {
                          // Shown back with separators, as it will be read.
                          const amount = plainDecimal(e.target.value)
                          if (/^\d+(\.\d+)?$/.test(amount)) {
                            setDraft({
                              ...draft,
                              pos_max_purchase: {
                                ...draft.pos_max_purchase,
                                [currency]: groupDigits(amount),
                              },
                            })
                          }
                        }}
                        aria-invalid={invalid || undefined}
                      />
                    </SettingField>
                  )
                })}
              </div>
              {errors.pos_max_purchase &&
                !Object.keys(draft.pos_max_purchase).length && (
                  <FieldError
                    error={errors.pos_max_purchase}
                    testId={errorTestId("pos_max_purchase")}
                  />
                )}
            </div>
          </div>

          <div className="flex flex-col gap-y-4 px-6 py-4">
            <div>
              <Text size="small" weight="plus">
                Joining at the kiosk
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                A new member types their mobile number and gets a code by SMS.
                These limits stop anyone from running up the shop's SMS bill
                with made-up numbers.
              </Text>
            </div>
            <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-3">
              <SettingField
                id="till-signup-countries"
                label="Countries"
                hint={countriesHint}
                error={errors.signup_countries}
                errorTestId={errorTestId("signup_countries")}
              >
                <Input
                  id="till-signup-countries"
                  size="small"
                  dir="ltr"
                  autoComplete="off"
                  placeholder={
                    regionCountries?.length
                      ? regionCountries.join(", ")
                      : "IR"
                  }
                  value={draft.signup_countries}
                  onChange={(e) =>
                    change(
                      { signup_countries: e.target.value },
                      "signup_countries"
                    )
                  }
                  aria-invalid={!!errors.signup_countries || undefined}
                />
              </SettingField>
              <SettingField
                id="till-signup-hourly-cap"
                label="Sign-up codes per hour"
                hint={`For the whole shop, 1 to 1,000,000. Past it, new sign-ups wait for the next hour. Empty: ${DEFAULT_HOURLY_CAP}.`}
                error={errors.signup_hourly_cap}
                errorTestId={errorTestId("signup_hourly_cap")}
              >
                <Input
                  id="till-signup-hourly-cap"
                  size="small"
                  dir="ltr"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={String(DEFAULT_HOURLY_CAP)}
                  value={draft.signup_hourly_cap}
                  onChange={(e) =>
                    change(
                      { signup_hourly_cap: e.target.value },
                      "signup_hourly_cap"
                    )
                  }
                  aria-invalid={!!errors.signup_hourly_cap || undefined}
                />
              </SettingField>
              <SettingField
                id="till-signup-per-address"
                label="Sign-up codes per device in 10 minutes"
                hint={`How many codes one phone, computer or network may ask for in 10 minutes, 1 to 10,000. Empty: ${DEFAULT_PER_ADDRESS}.`}
                error={errors.signup_per_address_limit}
                errorTestId={errorTestId("signup_per_address_limit")}
              >
                <Input
                  id="till-signup-per-address"
                  size="small"
                  dir="ltr"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={String(DEFAULT_PER_ADDRESS)}
                  value={draft.signup_per_address_limit}
                  onChange={(e) =>
                    change(
                      { signup_per_address_limit: e.target.value },
                      "signup_per_address_limit"
                    )
                  }
                  aria-invalid={!!errors.signup_per_address_limit || undefined}
                />
              </SettingField>
            </div>
            <SettingSwitch
              id="till-signup-behind-proxy"
              weight="plus"
              label="The store runs behind our own proxy"
              hint="Turn on only if the store's server sits behind a proxy or load balancer you run (nginx, Cloudflare, …) that passes on each visitor's address: the limit per device then counts that address. Off: the connection's own address counts, and nobody can dodge the limit by faking a header."
              checked={draft.signup_behind_proxy}
              onCheckedChange={(v) =>
                change({ signup_behind_proxy: v }, "signup_behind_proxy")
              }
              error={errors.signup_behind_proxy}
              errorTestId={errorTestId("signup_behind_proxy")}
            />
          </div>
          {errors.general && (
            <div className="px-6 py-3">
              <FieldError
                error={errors.general}
                testId={errorTestId("general")}
              />
            </div>
          )}
        </>
      )}
    </Container>
  )
}
