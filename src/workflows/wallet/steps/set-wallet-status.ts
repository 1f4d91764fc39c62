import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { WalletStatus } from "../../../modules/loyalty-club/types"

export const setWalletStatusStepId = "loyalty-set-wallet-status"

export type SetWalletStatusStepInput = {
  wallet_id: string
  status: WalletStatus
  /** Why (required by the admin route to freeze). */
  reason?: string | null
  /** The admin user who froze or unfroze the wallet. */
  actor_id?: string | null
}

/** Sets a wallet's status and why; the undo writes back the status, reason, moment and admin before. */
export const setWalletStatusStep = createStep(
  setWalletStatusStepId,
  async (input: SetWalletStatusStepInput, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const result = await service.setWalletStatus(input.wallet_id, input.status, {
      reason: input.reason ?? null,
      actor_id: input.actor_id ?? null,
    })
    return new StepResponse(result, { wallet_id: input.wallet_id, ...result.previous })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.setWalletStatus(previous.wallet_id, previous.status, {
      reason: previous.status_reason,
      actor_id: previous.status_changed_by,
      at: previous.status_changed_at ? new Date(previous.status_changed_at) : null,
    })
  }
)
