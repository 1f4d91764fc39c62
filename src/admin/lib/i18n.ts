import { useTranslation } from "react-i18next"
import { LOYALTY_NAMESPACE } from "../i18n"

export type AdminLanguage = "en" | "fa" | "ar"

/** The admin's language as Medusa's profile sets it; other languages read English. */
export function adminLanguage(language: string | undefined): AdminLanguage {
  const base = (language ?? "en").split("-")[0]
  return base === "fa" || base === "ar" ? base : "en"
}

/**
 * The Intl locale for the admin's language: Persian with the Jalali
 * (Persian) calendar and Persian digits, Arabic with Arabic-Indic digits.
 */
export const INTL_LOCALE: Record<AdminLanguage, string> = {
  en: "en-GB",
  fa: "fa-IR-u-ca-persian-nu-arabext",
  ar: "ar-EG-u-nu-arab",
}

/**
 * The plugin's strings in the admin's language (namespace "loyalty"): `t`,
 * the language and the writing direction.
 */
export function useLoyaltyTranslation() {
  const { t, i18n } = useTranslation(LOYALTY_NAMESPACE)
  const language = adminLanguage(i18n.language)
  return {
    t,
    language,
    locale: INTL_LOCALE[language],
    dir: (language === "en" ? "ltr" : "rtl") as "ltr" | "rtl",
  }
}
