import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { expireDueLotsStep } from "../steps"

export const expireDueLotsWorkflowId = "loyalty-expire-due-lots"

/**
 * Expires all credit whose date has passed, writing one `expiry` transaction
 * per lot. Safe to run twice at once and after a crash.
 *
 * @example
 * const { result } = await expireDueLotsWorkflow(container).run({ input: {} })
 * // result: { lots: 1200, batches: 1 }
 */
export const expireDueLotsWorkflow = createWorkflow(
  expireDueLotsWorkflowId,
  (input: { at?: Date; batch_size?: number }) => {
    return new WorkflowResponse(expireDueLotsStep(input))
  }
)
