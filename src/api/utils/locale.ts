import { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { MESSAGE_LOCALES, MessageLocale } from "../../utils/sms-messages"

const known = (value: unknown): MessageLocale | null => {
  const base = String(value ?? "").slice(0, 2).toLowerCase()
  return (MESSAGE_LOCALES as readonly string[]).includes(base) ? (base as MessageLocale) : null
}

/**
 * The language a shopper reads an answer in (Persian or English): the one
 * the request asks for (store routes: Medusa's `?locale=` or
 * `x-medusa-locale`, read into `req.locale`; the till: `x-medusa-locale`),
 * else, when `customerId` is given, the language the shopper chose for
 * their SMS, else the shop's default language.
 */
export async function shopperLanguage(
  container: MedusaContainer,
  asked: string | null | undefined,
  customerId?: string
): Promise<MessageLocale> {
  const fromRequest = known(asked)
  if (fromRequest) {
    return fromRequest
  }
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  if (customerId) {
    const preference = (await service.listSmsPreferencesOf([customerId]))[customerId]
    const chosen = known(preference?.locale)
    if (chosen) {
      return chosen
    }
  }
  return known((await service.retrieveSettings()).default_locale) ?? "fa"
}
