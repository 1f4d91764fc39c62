import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const setWalletStatusStepId = "loyalty-set-wallet-status"

export type SetWalletStatusStepInput = {
  wallet_id: string
  status: "active" | "frozen"
}

export const setWalletStatusStep = createStep(
  setWalletStatusStepId,
  async (input: SetWalletStatusStepInput, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const result = await service.setWalletStatus(input.wallet_id, input.status)
    return new StepResponse(result, {
      wallet_id: input.wallet_id,
      status: result.previous_status,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.setWalletStatus(previous.wallet_id, previous.status)
  }
)
