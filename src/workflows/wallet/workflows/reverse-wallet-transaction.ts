import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ReverseWalletTransactionInput } from "../../../modules/loyalty-club/types"
import { LoyaltyWalletEvents } from "../events"
import { ledgerEventData } from "../ledger-event"
import { reverseWalletTransactionStep } from "../steps"

export const reverseWalletTransactionWorkflowId =
  "loyalty-reverse-wallet-transaction"

/**
 * Appends the reversal of a ledger row: a debit gets its lots back, a credit
 * is taken back as far as it is unspent (the rest is returned as `shortfall`).
 * Reversing twice returns the first reversal. Emits `loyalty.wallet.reversed`.
 *
 * @example
 * const { result } = await reverseWalletTransactionWorkflow(container).run({
 *   input: { transaction_id: "lwtx_123", note: "Order canceled" },
 * })
 */
export const reverseWalletTransactionWorkflow = createWorkflow(
  reverseWalletTransactionWorkflowId,
  (input: ReverseWalletTransactionInput) => {
    const result = reverseWalletTransactionStep(input)
    when({ result }, ({ result }) => result.created).then(() => {
      const data = transform({ result }, ({ result }) => ({
        ...ledgerEventData({ result }),
        shortfall: result.shortfall,
      }))
      emitEventStep({ eventName: LoyaltyWalletEvents.REVERSED, data })
    })
    return new WorkflowResponse(result)
  }
)
