import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { DebitWalletInput } from "../../../modules/loyalty-club/types"
import { LoyaltyWalletEvents } from "../events"
import { ledgerEventData } from "../ledger-event"
import { debitWalletStep } from "../steps"

export const debitWalletWorkflowId = "loyalty-debit-wallet"

/**
 * Debits a wallet, exactly once per (reference, reference_id), taking from
 * the lots that expire soonest. Fails with a 400 naming the shortfall when the
 * available balance is not enough. Emits `loyalty.wallet.debited`.
 *
 * @example
 * const { result } = await debitWalletWorkflow(container).run({
 *   input: {
 *     wallet_id: "lwal_123",
 *     amount: 20000,
 *     reference: "cart",
 *     reference_id: "cart_123",
 *   },
 * })
 */
export const debitWalletWorkflow = createWorkflow(
  debitWalletWorkflowId,
  (input: DebitWalletInput) => {
    const result = debitWalletStep(input)
    when({ result }, ({ result }) => result.created).then(() => {
      const data = transform({ result }, ledgerEventData)
      emitEventStep({ eventName: LoyaltyWalletEvents.DEBITED, data })
    })
    return new WorkflowResponse(result)
  }
)
