import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { normalizePhone, phoneCountry } from "../../../utils/phone"
import { shopName } from "../../messages/compose-messages"

const CODE_TEXT = {
  fa: (store: string, code: string) => `کد تایید باشگاه مشتریان ${store}: ${code}`,
  en: (store: string, code: string) => `Your ${store} club code: ${code}`,
}

export const sendOneTimeCodeStepId = "loyalty-send-one-time-code"

/**
 * The countries whose mobiles may sign up: the shop's setting, else the
 * countries of the store's default region, else Iran.
 */
export async function signupCountries(container: any, settings: { signup_countries: string[] | null }) {
  if (settings.signup_countries?.length) {
    return settings.signup_countries.map((c) => c.toUpperCase())
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: stores } = await query.graph({ entity: "store", fields: ["id", "default_region_id"] })
  const regionId = (stores[0] as any)?.default_region_id
  if (regionId) {
    const { data: regions } = await query.graph({
      entity: "region",
      fields: ["id", "countries.iso_2"],
      filters: { id: regionId },
    })
    const countries = ((regions[0] as any)?.countries ?? []).map((c: any) => String(c.iso_2).toUpperCase())
    if (countries.length) {
      return countries as string[]
    }
  }
  return ["IR"]
}

/**
 * Issues a one-time code for a phone and sends it by SMS at once (codes do
 * not wait for quiet hours). Rate-limited per phone and per address, and
 * sign-up codes by a shop-wide hourly cap and to the shop's countries
 * (SMS pumping sends codes to costly foreign numbers): a limited request
 * sends nothing and says so (`limited`), the same for members and
 * strangers. The code travels only in the notification's `content`, which
 * the provider reads and the notification module does not store; the
 * stored notification's `data` holds no code, and `data.secret` tells the
 * provider to keep the text out of logs.
 */
export const sendOneTimeCodeStep = createStep(
  sendOneTimeCodeStepId,
  async (input: { phone: string; purpose: "signup" | "redeem"; ip?: string | null }, { container }) => {
    const phone = normalizePhone(input.phone)
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const settings = await service.retrieveSettings()
    if (input.purpose === "signup") {
      const allowed = await signupCountries(container, settings)
      const country = phoneCountry(phone)
      if (!country || !allowed.includes(country)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `phone (${input.phone}): the club takes mobiles from ${allowed.join(", ")} only`
        )
      }
    }
    const issued = await service.issueOneTimeCode({
      phone,
      purpose: input.purpose,
      ip: input.ip ?? null,
      limits: {
        per_phone: 3,
        per_ip: settings.signup_per_address_limit,
        window_ms: 10 * 60 * 1000,
        per_hour: input.purpose === "signup" ? settings.signup_hourly_cap : null,
      },
    })
    if (issued.limited) {
      return new StepResponse({ limited: true, expires_at: null as Date | null })
    }
    const store = await shopName(container, settings)
    const text = (settings.default_locale === "en" ? CODE_TEXT.en : CODE_TEXT.fa)(store, issued.code)
    await container.resolve(Modules.NOTIFICATION).createNotifications([
      {
        to: phone,
        channel: "sms",
        template: `one_time_code_${input.purpose}`,
        content: { text },
        data: { secret: true },
        idempotency_key: `otp:${issued.id}`,
      } as any,
    ])
    return new StepResponse({ limited: false, expires_at: issued.expires_at as Date | null })
  }
)

export const verifyOneTimeCodeStepId = "loyalty-verify-one-time-code"

/** Checks a one-time code (400 naming `code` for a wrong, used, expired or locked one). */
export const verifyOneTimeCodeStep = createStep(
  verifyOneTimeCodeStepId,
  async (input: { phone: string; purpose: "signup" | "redeem"; code?: string | null }, { container }) => {
    const phone = normalizePhone(input.phone)
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const ok =
      !!input.code && (await service.verifyOneTimeCode({ phone, purpose: input.purpose, code: input.code }))
    if (!ok) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "code is wrong, used or expired: ask for a new one")
    }
    return new StepResponse(void 0)
  }
)

export const grantSignupBonusStepId = "loyalty-grant-signup-bonus"

/**
 * Credits the shop's sign-up bonus (per currency) once per customer, keyed
 * ("signup", customer). The undo reverses what it credited.
 */
export const grantSignupBonusStep = createStep(
  grantSignupBonusStepId,
  async (input: { customer_id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const settings = await service.retrieveSettings()
    const credited: string[] = []
    for (const [currency, amount] of Object.entries(settings.signup_bonus ?? {})) {
      const { wallet } = await service.retrieveOrCreateWallet({ customer_id: input.customer_id, currency_code: currency })
      const result = await service.creditWallet({
        wallet_id: wallet.id,
        amount,
        reference: "signup",
        reference_id: input.customer_id,
        note: "Welcome to the club",
      })
      if (result.created) {
        credited.push(result.transaction.id)
      }
    }
    return new StepResponse({ credited: credited.length > 0 }, credited)
  },
  async (credited, { container }) => {
    if (!credited?.length) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    for (const id of credited) {
      await service.reverseTransaction({ transaction_id: id, note: "Sign-up undone" })
    }
  }
)

export const purgeOneTimeCodesStepId = "loyalty-purge-one-time-codes"

/**
 * Deletes one-time codes older than `older_than_ms` (default a day: codes
 * live five minutes and the rate limits look back an hour), in batches.
 * Deleted codes are hashes nobody can use: nothing to undo.
 */
export const purgeOneTimeCodesStep = createStep(
  purgeOneTimeCodesStepId,
  async (input: { older_than_ms?: number; batch_size?: number }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const before = new Date(Date.now() - (input.older_than_ms ?? 24 * 60 * 60 * 1000))
    const batch = input.batch_size ?? 10000
    let purged = 0
    for (;;) {
      const n = await service.purgeOneTimeCodes({ before, batch_size: batch })
      purged += n
      if (n < batch) {
        return new StepResponse({ purged })
      }
    }
  }
)
