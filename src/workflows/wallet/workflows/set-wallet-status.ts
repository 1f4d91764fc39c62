import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LoyaltyWalletEvents } from "../events"
import { setWalletStatusStep, SetWalletStatusStepInput } from "../steps"

export const setWalletStatusWorkflowId = "loyalty-set-wallet-status"

/**
 * Freezes a wallet (no credits, no debits) or makes it active again, and
 * records why, when and by which admin.
 *
 * @example
 * await setWalletStatusWorkflow(container).run({
 *   input: { wallet_id: "lwal_123", status: "frozen", reason: "Disputed refund", actor_id: "user_123" },
 * })
 */
export const setWalletStatusWorkflow = createWorkflow(
  setWalletStatusWorkflowId,
  (input: SetWalletStatusStepInput) => {
    const result = setWalletStatusStep(input)
    const eventName = transform({ input }, ({ input }) =>
      input.status === "frozen"
        ? LoyaltyWalletEvents.FROZEN
        : LoyaltyWalletEvents.UNFROZEN
    )
    emitEventStep({ eventName, data: { id: input.wallet_id } })
    return new WorkflowResponse(result)
  }
)
