import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LoyaltyWalletEvents } from "../../wallet/events"
import { giveBackOrderCreditStep } from "../steps"

export const giveBackOrderCreditWorkflowId = "loyalty-give-back-order-credit"

/**
 * Gives back the wallet credit that paid for a canceled order, restoring
 * the lots it came from. Emits `loyalty.wallet.reversed` per reversal.
 *
 * @example
 * await giveBackOrderCreditWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const giveBackOrderCreditWorkflow = createWorkflow(
  giveBackOrderCreditWorkflowId,
  (input: { order_id: string; note?: string }) => {
    const given = giveBackOrderCreditStep(input)
    when({ given }, ({ given }) => given.length > 0).then(() => {
      emitEventStep({
        eventName: LoyaltyWalletEvents.REVERSED,
        data: transform({ given, input }, ({ given, input }) =>
          given.map((g) => ({ id: g.transaction_id, order_id: input.order_id }))
        ),
      })
    })
    return new WorkflowResponse(given)
  }
)
