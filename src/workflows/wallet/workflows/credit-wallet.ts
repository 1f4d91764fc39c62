import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CreditWalletInput } from "../../../modules/loyalty-club/types"
import { LoyaltyWalletEvents } from "../events"
import { ledgerEventData } from "../ledger-event"
import { creditWalletStep } from "../steps"

export const creditWalletWorkflowId = "loyalty-credit-wallet"

/**
 * Credits a wallet with a new lot, exactly once per (reference, reference_id),
 * and emits `loyalty.wallet.credited` when it wrote something.
 *
 * @example
 * const { result } = await creditWalletWorkflow(container).run({
 *   input: {
 *     wallet_id: "lwal_123",
 *     amount: 50000,
 *     reference: "order",
 *     reference_id: "order_123",
 *     expires_at: "2027-01-31T00:00:00Z",
 *   },
 * })
 */
export const creditWalletWorkflow = createWorkflow(
  creditWalletWorkflowId,
  (input: CreditWalletInput) => {
    const result = creditWalletStep(input)
    when({ result }, ({ result }) => result.created).then(() => {
      const data = transform({ result }, ledgerEventData)
      emitEventStep({ eventName: LoyaltyWalletEvents.CREDITED, data })
    })
    return new WorkflowResponse(result)
  }
)
