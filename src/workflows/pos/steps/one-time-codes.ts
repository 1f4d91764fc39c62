import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { normalizePhone } from "../../../utils/phone"
import { shopName } from "../../messages/compose-messages"

const CODE_TEXT = {
  fa: (store: string, code: string) => `کد تایید باشگاه مشتریان ${store}: ${code}`,
  en: (store: string, code: string) => `Your ${store} club code: ${code}`,
}

export const sendOneTimeCodeStepId = "loyalty-send-one-time-code"

/**
 * Issues a one-time code for a phone and sends it by SMS at once (codes do
 * not wait for quiet hours). Rate-limited per phone and per address: a
 * limited request sends nothing and says so (`limited`), the same for
 * members and strangers.
 */
export const sendOneTimeCodeStep = createStep(
  sendOneTimeCodeStepId,
  async (input: { phone: string; purpose: "signup" | "redeem"; ip?: string | null }, { container }) => {
    const phone = normalizePhone(input.phone)
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const issued = await service.issueOneTimeCode({ phone, purpose: input.purpose, ip: input.ip ?? null })
    if (issued.limited) {
      return new StepResponse({ limited: true, expires_at: null as Date | null })
    }
    const settings = await service.retrieveSettings()
    const store = await shopName(container, settings)
    const text = (settings.default_locale === "en" ? CODE_TEXT.en : CODE_TEXT.fa)(store, issued.code)
    await container.resolve(Modules.NOTIFICATION).createNotifications([
      {
        to: phone,
        channel: "sms",
        template: `one_time_code_${input.purpose}`,
        content: { text },
        data: { text },
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
  async (
    input: { phone: string; purpose: "signup" | "redeem"; code?: string | null; receipt_id?: string | null },
    { container }
  ) => {
    // A till retrying a redemption that already went through (its answer was
    // lost) gets the first answer, not a refusal of the code it used up.
    if (input.purpose === "redeem" && input.receipt_id) {
      const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
      const [paid] = await service.listWalletTransactions({
        type: "debit",
        reference: "pos_receipt",
        reference_id: input.receipt_id,
      })
      if (paid) {
        return new StepResponse(void 0)
      }
    }
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
