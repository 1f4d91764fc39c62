import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { DebitWalletInput } from "../../../modules/loyalty-club/types"
import { undoLedgerWrite } from "./undo-ledger-write"

export const debitWalletStepId = "loyalty-debit-wallet"

/**
 * Debits a wallet under its row lock. When a later step fails, the undo
 * appends a reversal that gives the same lots back: the debit row stays in
 * the ledger, as every row does.
 */
export const debitWalletStep = createStep(
  debitWalletStepId,
  async (input: DebitWalletInput, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const result = await service.debitWallet(input)
    return new StepResponse(
      result,
      result.created ? result.transaction.id : undefined
    )
  },
  undoLedgerWrite
)
