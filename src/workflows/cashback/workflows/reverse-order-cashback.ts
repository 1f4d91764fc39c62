import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LoyaltyCashbackEvents } from "../events"
import { CashbackTakeBackReason, reverseOrderCashbackStep } from "../steps"

export const reverseOrderCashbackWorkflowId = "loyalty-reverse-order-cashback"

/**
 * Takes back an order's cashback after a cancel (all of it), a return (the
 * returned items' part) or a refund (the refunded part of what was paid),
 * by the shop's clawback strategy (`partial` by default). Safe to run again
 * for the same event. Emits `loyalty.cashback.reversed` when it took
 * anything back.
 *
 * @example
 * await reverseOrderCashbackWorkflow(container).run({
 *   input: { order_id: "order_123", reason: "returned" },
 * })
 */
export const reverseOrderCashbackWorkflow = createWorkflow(
  reverseOrderCashbackWorkflowId,
  (input: { order_id: string; reason: CashbackTakeBackReason; note?: string }) => {
    const reversals = reverseOrderCashbackStep(input)
    when({ reversals }, ({ reversals }) => reversals.length > 0).then(() => {
      emitEventStep({
        eventName: LoyaltyCashbackEvents.REVERSED,
        data: transform({ input, reversals }, ({ input, reversals }) => ({
          order_id: input.order_id,
          reason: input.reason,
          reversals,
        })),
      })
    })
    return new WorkflowResponse(reversals)
  }
)
