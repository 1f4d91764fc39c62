import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueBulkCodesStep } from "../steps/issue-bulk-codes"

export const issueCodeBatchWorkflowId = "loyalty-issue-code-batch"

/**
 * Makes the codes of a bulk batch that is `creating`, 10,000 per
 * statement, and turns it `active` when all are made (100,000 codes in a
 * few seconds: codes are rows of the club's own table; each becomes a Medusa
 * promotion only when a cart first applies it). Safe to run twice at once
 * and to resume after a crash.
 *
 * @example
 * // Started without waiting by POST /admin/loyalty/code-batches:
 * issueCodeBatchWorkflow(container).run({ input: { batch_id: "lcb_123" } }).catch(log)
 */
export const issueCodeBatchWorkflow = createWorkflow(
  issueCodeBatchWorkflowId,
  (input: { batch_id: string; chunk?: number }) => {
    return new WorkflowResponse(issueBulkCodesStep(input))
  }
)
