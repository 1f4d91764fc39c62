import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { OccasionRow, OccasionUpdate } from "../../../modules/loyalty-club/services/occasions"
import { invalidField, loyaltyError, LoyaltyErrorCode } from "../../../utils/error-codes"
import { isKnownCurrency, parsePositiveAmount } from "../../../utils/money"
import { OccasionKind } from "../../../utils/occasions"

export type UpdateOccasionInput = OccasionUpdate & { kind: OccasionKind }

const giftInvalid = (message: string) =>
  loyaltyError(MedusaError.Types.INVALID_DATA, message, LoyaltyErrorCode.OCCASION_GIFT_INVALID)

export const updateOccasionStepId = "loyalty-update-occasion"

/**
 * Saves an occasion's switch and gift after checking the whole result
 * (the saved values with the change): a code gift needs an active personal
 * batch, a credit gift an amount in a known currency with its precision;
 * win-back waits at least a day. The undo writes back the occasion before.
 */
export const updateOccasionStep = createStep(
  updateOccasionStepId,
  async (input: UpdateOccasionInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const { kind, ...change } = input
    const current = (await service.listOccasionSettings()).find((o) => o.kind === kind)!
    const next = { ...current, ...change }

    if (change.credit_amount) {
      const amounts: Record<string, string> = {}
      for (const [currency, amount] of Object.entries(change.credit_amount)) {
        const code = currency.toLowerCase()
        if (!isKnownCurrency(code)) {
          throw invalidField("credit_amount", `credit_amount: ${currency} is not a known currency code`)
        }
        amounts[code] = parsePositiveAmount(amount, code, `credit_amount.${code}`).toFixed()
      }
      next.credit_amount = amounts
    }
    if (next.gift_type === "code") {
      if (!next.batch_id) {
        throw giftInvalid(`batch_id is required for a code gift: choose a personal code batch`)
      }
      const [batch] = await service.listCodeBatches({ id: next.batch_id }, { select: ["id", "kind", "status"] })
      if (!batch) {
        throw giftInvalid(`batch_id: code batch ${next.batch_id} was not found`)
      }
      if (batch.kind !== "personal" || batch.status !== "active") {
        throw giftInvalid(
          `batch_id: code batch ${next.batch_id} is ${batch.kind !== "personal" ? "a bulk batch" : batch.status}: an occasion gives codes from an active personal batch`
        )
      }
    }
    if (next.gift_type === "credit") {
      if (!next.credit_amount || !Object.keys(next.credit_amount).length) {
        throw loyaltyError(
          MedusaError.Types.INVALID_DATA,
          "credit_amount is required for a credit gift: an amount per currency, e.g. { \"irr\": \"500000\" }",
          LoyaltyErrorCode.CREDIT_AMOUNT_INVALID
        )
      }
      next.credit_valid_days = next.credit_valid_days ?? 30
    }
    if (kind === "win_back" && (next.after_days ?? 0) < 1) {
      throw invalidField("after_days", "after_days must be at least 1 for win-back")
    }
    const { occasion, before } = await service.updateOccasionSettings(kind, next)
    return new StepResponse<OccasionRow, OccasionRow>(occasion, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const { id, kind, ...values } = before
    await service.updateOccasionSettings(kind, values)
  }
)
