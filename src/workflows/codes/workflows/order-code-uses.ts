import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  readOrderCodeUsesStep,
  recordOrderCodeUsesStep,
  releaseOrderCodeUsesStep,
  revertCodePromotionUsageStep,
} from "../steps/order-code-uses"

export const recordOrderCodeUsesWorkflowId = "loyalty-record-order-code-uses"

/**
 * Records the club's codes a placed order used (what each gave, the order's
 * total for the batch's revenue), once per (code, order). Core has already
 * counted the use at completion; this is the club's record for statistics,
 * lists and giving the use back on cancel.
 *
 * @example
 * await recordOrderCodeUsesWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const recordOrderCodeUsesWorkflow = createWorkflow(recordOrderCodeUsesWorkflowId, (input: { order_id: string }) => {
  const uses = readOrderCodeUsesStep(input)
  return new WorkflowResponse({ recorded: recordOrderCodeUsesStep(uses) })
})

export const releaseOrderCodeUsesWorkflowId = "loyalty-release-order-code-uses"

/**
 * Gives a canceled order's codes back: each use is marked released once,
 * keyed by (code, order) (a use the placed event had not recorded yet is
 * written released), and only the uses this run released go back to core
 * (`revertUsage`), so the single-use code applies again and a repeated
 * cancel event gives back nothing more.
 *
 * @example
 * await releaseOrderCodeUsesWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const releaseOrderCodeUsesWorkflow = createWorkflow(
  releaseOrderCodeUsesWorkflowId,
  (input: { order_id: string }) => {
    const uses = readOrderCodeUsesStep(input)
    const released = releaseOrderCodeUsesStep(uses)
    const reverted = revertCodePromotionUsageStep(transform({ released, uses }, ({ released, uses }) => ({ released, uses })))
    return new WorkflowResponse({ released: reverted })
  }
)
