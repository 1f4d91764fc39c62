import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LoyaltyCashbackEvents } from "../events"
import { releaseOrderCashbackStep } from "../steps"

export const releaseOrderCashbackWorkflowId = "loyalty-release-order-cashback"

/**
 * Releases an order's cashback that waits for fulfilment (rules with
 * `release: "fulfilled"`). Emits `loyalty.cashback.released`.
 *
 * @example
 * await releaseOrderCashbackWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const releaseOrderCashbackWorkflow = createWorkflow(
  releaseOrderCashbackWorkflowId,
  (input: { order_id: string }) => {
    const released = releaseOrderCashbackStep(input)
    when({ released }, ({ released }) => released.length > 0).then(() => {
      emitEventStep({
        eventName: LoyaltyCashbackEvents.RELEASED,
        data: transform({ input, released }, ({ input, released }) => ({
          order_id: input.order_id,
          lots: released,
        })),
      })
    })
    return new WorkflowResponse(released)
  }
)
