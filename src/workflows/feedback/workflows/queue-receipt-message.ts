import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { queueMessagesStep } from "../../messages/steps"
import { buildReceiptMessageStep } from "../steps"

export const queueReceiptMessageWorkflowId = "loyalty-queue-receipt-message"

/**
 * Queues the receipt SMS of an order (see `buildReceiptMessageStep`: till
 * purchases always, online orders when the shop asks), with a signed link
 * to the receipt page. Keyed `receipt:<order>:once`: a repeated event
 * queues nothing new; the customer's language, opt-out and quiet hours
 * apply as to every message.
 *
 * @example
 * await queueReceiptMessageWorkflow(container).run({ input: { order_id: "order_123", source: "till" } })
 */
export const queueReceiptMessageWorkflow = createWorkflow(
  queueReceiptMessageWorkflowId,
  (input: { order_id: string; source: "till" | "online"; at?: Date | string }) => {
    const items = buildReceiptMessageStep(input)
    const queued = queueMessagesStep(
      transform({ items, input }, ({ items, input }) => ({ event: "receipt" as const, items, at: input.at }))
    )
    return new WorkflowResponse(queued)
  }
)
