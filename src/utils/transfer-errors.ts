import { MedusaError } from "@medusajs/framework/utils"
import { LoyaltyErrorCode } from "./error-codes"

/**
 * Why a credit transfer can no longer be claimed, as one error: the claim
 * step (before any write) and the transfers room (its conditional update
 * lost a race) say it the same way.
 */
export function transferNotClaimable(transfer: { id: string; status: string }) {
  const why =
    transfer.status === "claimed"
      ? "was already claimed"
      : transfer.status === "returned"
        ? "was returned to its sender"
        : "can no longer be claimed: its claim window closed"
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Credit transfer (${transfer.id}) ${why}`,
    LoyaltyErrorCode.TRANSFER_NOT_CLAIMABLE
  )
}
