import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkSegmentsUnusedStep, deleteSegmentsStep } from "../steps"

export const deleteSegmentsWorkflowId = "loyalty-delete-segments"

/**
 * Deletes saved segments (soft), refusing one that a campaign, automation,
 * cashback rule or code batch still uses (400 `loyalty_segment_in_use`).
 *
 * @example
 * await deleteSegmentsWorkflow(container).run({ input: { ids: ["lseg_123"] } })
 */
export const deleteSegmentsWorkflow = createWorkflow(
  deleteSegmentsWorkflowId,
  (input: { ids: string[] }) => {
    checkSegmentsUnusedStep(input.ids)
    return new WorkflowResponse(deleteSegmentsStep(input.ids))
  }
)
