import { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

/**
 * The undo of a credit or debit step: appends the reversal of the row the
 * step wrote (never deletes it). Nothing to undo when the step only found a
 * row an earlier run had written.
 */
export async function undoLedgerWrite(
  transactionId: string | undefined,
  { container }: { container: MedusaContainer }
) {
  if (!transactionId) {
    return
  }
  const service: LoyaltyClubModuleService =
    container.resolve(LOYALTY_CLUB_MODULE)
  await service.reverseTransaction({
    transaction_id: transactionId,
    note: "Undone: the operation that made this write failed",
    actor_type: "system",
  })
}
