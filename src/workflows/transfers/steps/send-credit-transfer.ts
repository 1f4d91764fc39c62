import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { SendCreditTransferInput } from "../../../modules/loyalty-club/services/transfers"

export const sendCreditTransferStepId = "loyalty-send-credit-transfer"

/**
 * Writes the pending transfer and the sender's debit in one transaction
 * (see the facade's `sendCreditTransfer`). A repeated key answers the first
 * transfer and has nothing to undo; a new one is undone when a later step
 * fails: the transfer is withdrawn and its debit reversed, the lots it took
 * restored.
 */
export const sendCreditTransferStep = createStep(
  sendCreditTransferStepId,
  async (input: SendCreditTransferInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    // Dates cross steps serialised when the workflow engine stores them.
    const result = await service.sendCreditTransfer({
      ...input,
      at: new Date(input.at),
      limits: { ...input.limits, day_start: new Date(input.limits.day_start) },
    })
    return new StepResponse(result, result.created ? result.transfer.id : undefined)
  },
  async (transferId, { container }) => {
    if (!transferId) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.withdrawCreditTransfer(transferId)
  }
)
