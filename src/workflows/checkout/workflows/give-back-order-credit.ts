import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LoyaltyWalletEvents } from "../../wallet/events"
import { giveBackOrderCreditStep, OrderCreditGiveBackReason } from "../steps"

export const giveBackOrderCreditWorkflowId = "loyalty-give-back-order-credit"

/**
 * Gives back the wallet credit that paid for an order: all of it on a
 * cancel (restoring the lots it came from), the credit-paid share of
 * returned items or of a refund otherwise. Emits `loyalty.wallet.reversed`
 * per give-back.
 *
 * @example
 * await giveBackOrderCreditWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const giveBackOrderCreditWorkflow = createWorkflow(
  giveBackOrderCreditWorkflowId,
  (input: { order_id: string; reason?: OrderCreditGiveBackReason; note?: string }) => {
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
