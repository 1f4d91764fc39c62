import { invalidField } from "../../../utils/error-codes"
import { isKnownCurrency, parsePositiveAmount } from "../../../utils/money"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { LoyaltySettingsValues } from "../../../modules/loyalty-club/types"

/**
 * Checks what only the module knows how to check (currency codes and their
 * precision) and writes amounts as exact strings.
 */
function normalizeSettings(input: Partial<LoyaltySettingsValues>) {
  const out: Partial<LoyaltySettingsValues> = { ...input }
  for (const field of [
    "min_redeem_balance",
    "signup_bonus",
    "pos_max_purchase",
    "feedback_apology_credit",
    "transfer_max_amount",
    "transfer_daily_limit",
  ] as const) {
    const value = input[field]
    if (!value) {
      continue
    }
    const amounts: Record<string, string> = {}
    for (const [currency, amount] of Object.entries(value)) {
      const code = currency.toLowerCase()
      if (!isKnownCurrency(code)) {
        throw invalidField(field, `${field}: ${currency} is not a known currency code`)
      }
      amounts[code] = parsePositiveAmount(amount, code, `${field}.${code}`).toFixed()
    }
    out[field] = amounts
  }
  return out
}

export const updateLoyaltySettingsStepId = "loyalty-update-settings"

/** Saves the shop's loyalty settings; the undo writes back the previous ones. */
export const updateLoyaltySettingsStep = createStep(
  updateLoyaltySettingsStepId,
  async (input: Partial<LoyaltySettingsValues>, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const previous = await service.retrieveSettings()
    const settings = await service.updateSettings(normalizeSettings(input))
    return new StepResponse(settings, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.updateSettings(previous)
  }
)
