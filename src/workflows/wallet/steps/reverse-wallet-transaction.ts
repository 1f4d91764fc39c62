import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { ReverseWalletTransactionInput } from "../../../modules/loyalty-club/types"

export const reverseWalletTransactionStepId = "loyalty-reverse-wallet-transaction"

/**
 * Appends the reversal of a ledger row. It has no undo of its own: a reversal
 * cannot be reversed, and repeating it returns the first reversal.
 */
export const reverseWalletTransactionStep = createStep(
  reverseWalletTransactionStepId,
  async (input: ReverseWalletTransactionInput, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    return new StepResponse(await service.reverseTransaction(input))
  }
)
