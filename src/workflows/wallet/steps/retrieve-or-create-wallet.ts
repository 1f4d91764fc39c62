import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const retrieveOrCreateWalletStepId = "loyalty-retrieve-or-create-wallet"

export type RetrieveOrCreateWalletStepInput = {
  customer_id: string
  currency_code: string
}

/**
 * Returns the customer's wallet in a currency, creating it when missing. An
 * empty wallet left behind by a failed workflow holds nothing and is reused
 * by the next attempt, so there is no undo.
 */
export const retrieveOrCreateWalletStep = createStep(
  retrieveOrCreateWalletStepId,
  async (input: RetrieveOrCreateWalletStepInput, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    return new StepResponse(await service.retrieveOrCreateWallet(input))
  }
)
