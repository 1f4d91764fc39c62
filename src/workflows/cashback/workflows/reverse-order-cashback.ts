import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LoyaltyCashbackEvents } from "../events"
import { reverseOrderCashbackStep } from "../steps"

export const reverseOrderCashbackWorkflowId = "loyalty-reverse-order-cashback"

/**
 * Takes back an order's cashback (on cancel): what is left of each credit is
 * reversed, what was already spent is recorded as shortfall. Emits
 * `loyalty.cashback.reversed` when anything was reversed.
 *
 * @example
 * await reverseOrderCashbackWorkflow(container).run({
 *   input: { order_id: "order_123", note: "Order canceled" },
 * })
 */
export const reverseOrderCashbackWorkflow = createWorkflow(
  reverseOrderCashbackWorkflowId,
  (input: { order_id: string; note: string }) => {
    const reversals = reverseOrderCashbackStep(input)
    when({ reversals }, ({ reversals }) => reversals.length > 0).then(() => {
      emitEventStep({
        eventName: LoyaltyCashbackEvents.REVERSED,
        data: transform({ input, reversals }, ({ input, reversals }) => ({
          order_id: input.order_id,
          reversals,
        })),
      })
    })
    return new WorkflowResponse(reversals)
  }
)
