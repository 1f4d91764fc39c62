// The kiosk's countries in words: the hint under the countries field.
import { countryCodes } from "./draft"
import { Shop } from "./shop"

/** "IR" -> "Iran", when the browser knows it. */
function countryName(code: string) {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code
  } catch {
    return code
  }
}

const listed = (names: string[]) =>
  names.length < 2
    ? names.join("")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`

/**
 * Who may ask for a sign-up code: the countries typed, or what an empty
 * field means for this store; how to type them when they are no codes.
 */
export function countriesHint(
  typed: string,
  regionCountries: Shop["regionCountries"] | undefined
) {
  const typedCountries = countryCodes(typed)
  const defaultCountries = regionCountries?.length
    ? `the countries of the store's default region (${listed(regionCountries.map(countryName))})`
    : regionCountries
      ? "Iran only, as the store has no default region"
      : "the countries of the store's default region"
  return typedCountries.every((c) => /^[A-Z]{2}$/.test(c))
    ? typedCountries.length
      ? `Only mobile numbers from ${listed(typedCountries.map(countryName))} can ask for a sign-up code at the kiosk.`
      : `Only mobile numbers from these countries can ask for a sign-up code at the kiosk. Empty: ${defaultCountries}.`
    : "Two-letter country codes, e.g. IR or IR, AE."
}
