// What the till and kiosk settings card edits, as typed, and the API body
// made from it.
import {
  groupDigits,
  latinDigits,
  plainDecimal,
  wholeNumber,
} from "../../../../../lib/amounts"
import { LoyaltySettings } from "../../../../../lib/client"
import { changedFields } from "../../../../../lib/settings-form"
import { Shop } from "./shop"

// The server's defaults (src/workflows/pos/steps/register-purchase.ts and the
// settings model): the admin bundle cannot import server code.
const DEFAULT_MAX_PURCHASE: Record<string, string> = {
  irr: "100000000000",
  irt: "10000000000",
}
const DEFAULT_MAX_PURCHASE_OTHER = "10000000"
export const DEFAULT_HOURLY_CAP = 300
export const DEFAULT_PER_ADDRESS = 10

export const FIELDS = [
  "pos_redeem_requires_code",
  "pos_max_purchase",
  "signup_countries",
  "signup_hourly_cap",
  "signup_per_address_limit",
  "signup_behind_proxy",
] as const
export type Field = (typeof FIELDS)[number]

/** What the card edits, as typed. */
export type Draft = {
  pos_redeem_requires_code: boolean
  /** Per currency code; empty: the default. */
  pos_max_purchase: Record<string, string>
  signup_countries: string
  signup_hourly_cap: string
  signup_per_address_limit: string
  signup_behind_proxy: boolean
}

/** The API's message at the field it names, or "general". */
export type Errors = Partial<Record<Field | "general", string>>

/** What each section of the card gets: the draft, its errors, a setter. */
export type SectionProps = {
  draft: Draft
  errors: Errors
  /** Sets fields of the draft; clears `field`'s error and the general one. */
  change: (patch: Partial<Draft>, field: Field) => void
}

export const maxPurchaseDefault = (currency: string) =>
  DEFAULT_MAX_PURCHASE[currency] ?? DEFAULT_MAX_PURCHASE_OTHER

/** "ir, ae" / "IR AE" -> ["IR", "AE"]; each as typed, for the API to check. */
export const countryCodes = (text: string) =>
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

export const toDraft = (s: LoyaltySettings, shop: Shop): Draft => ({
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
export const changedBody = (
  draft: Draft,
  settings: LoyaltySettings,
  shop: Shop
) => changedFields(toBody(draft), toBody(toDraft(settings, shop)))

/**
 * The currency a maximum's message is about: the one it names
 * ("pos_max_purchase.irr must be greater than 0"), else the first whose text
 * is no amount, else the first.
 */
export function currencyInError(message: string, draft: Draft) {
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

export const errorTestId = (field: Field | "general") =>
  field === "general" ? "till-settings-error" : `till-settings-error-${field}`
