import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { CreditTransferRow } from "../../../modules/loyalty-club/services/transfers"

export const returnDueTransfersStepId = "loyalty-return-due-transfers"

/**
 * Sends back a page of pending transfers whose claim window closed by `at`,
 * each in its own transaction (the status move and the debit's reversal
 * together): a claim that got there first keeps its transfer, and a run
 * overlapping another returns each transfer once. No undo: a returned
 * transfer's window is closed, and reopening it would let a late claim
 * take credit the sender already has back.
 */
export const returnDueTransfersStep = createStep(
  returnDueTransfersStepId,
  async (input: { at?: Date | string; limit?: number }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const at = input.at ? new Date(input.at) : new Date()
    const ids = await service.listDueCreditTransfers({ at, limit: input.limit ?? 200 })
    const returned: CreditTransferRow[] = []
    for (const id of ids) {
      const result = await service.returnCreditTransfer({ transfer_id: id, at })
      if (result.returned) {
        returned.push(result.transfer!)
      }
    }
    return new StepResponse({ due: ids.length, returned })
  }
)
