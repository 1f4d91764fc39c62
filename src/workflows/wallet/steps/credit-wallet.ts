import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { CreditWalletInput } from "../../../modules/loyalty-club/types"
import { undoLedgerWrite } from "./undo-ledger-write"

export const creditWalletStepId = "loyalty-credit-wallet"

/**
 * Credits a wallet. A replayed key changes nothing, and its undo does nothing:
 * only a credit this run wrote is reversed when the workflow fails later.
 */
export const creditWalletStep = createStep(
  creditWalletStepId,
  async (input: CreditWalletInput, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const result = await service.creditWallet(input)
    return new StepResponse(
      result,
      result.created ? result.transaction.id : undefined
    )
  },
  undoLedgerWrite
)
