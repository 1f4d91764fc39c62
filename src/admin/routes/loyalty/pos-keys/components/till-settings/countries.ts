// The kiosk's countries: the picker's options (every ISO 3166 country, by
// its name in the admin's language) and the names in the field's hint.
import { useMemo } from "react"
import { PickerOption } from "../../../../../components/fields"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"

/** ISO 3166-1 alpha-2 codes (and XK, which phone numbering uses for Kosovo). */
const COUNTRY_CODES = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW
`
  .trim()
  .split(/\s+/)

/**
 * A country's or currency's name in the admin's language ("IR" -> "ایران",
 * "USD" -> "دلار امریکا" in Persian): the browser's own names (CLDR), as
 * the plugin ships no list of its own in three languages.
 */
export function useDisplayName(type: "region" | "currency") {
  const { locale } = useLoyaltyTranslation()
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null
    try {
      names = new Intl.DisplayNames([locale], { type })
    } catch {
      names = null
    }
    return (code: string) => {
      try {
        return names?.of(code.toUpperCase()) ?? code.toUpperCase()
      } catch {
        return code.toUpperCase()
      }
    }
  }, [locale, type])
}

/** A country's name in the admin's language. */
export const useCountryName = () => useDisplayName("region")

/** Every country, by name in the admin's language, its code beside it. */
export function useCountryOptions(): PickerOption[] {
  const name = useCountryName()
  const { locale } = useLoyaltyTranslation()
  return useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: `${name(code)} (${code})` })).sort(
        (a, b) => a.label.localeCompare(b.label, locale)
      ),
    [locale, name]
  )
}
