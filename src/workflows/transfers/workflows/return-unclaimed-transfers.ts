import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queueTransferReturnedMessagesStep, returnDueTransfersStep } from "../steps"

export const returnUnclaimedTransfersWorkflowId = "loyalty-return-unclaimed-transfers"

/**
 * Sends a page of transfers nobody claimed in time back to their senders:
 * each one's debit reversed (the lots it took restored) in one transaction
 * with its status, so a claim racing the return settles on one side, and
 * the sender gets the `transfer_returned` SMS. Answers how many were due
 * and the transfers returned; run it again while a full page was due.
 *
 * @example
 * const { result } = await returnUnclaimedTransfersWorkflow(container).run({ input: { limit: 200 } })
 */
export const returnUnclaimedTransfersWorkflow = createWorkflow(
  returnUnclaimedTransfersWorkflowId,
  (input: { at?: Date | string; limit?: number }) => {
    const result = returnDueTransfersStep(input)
    when({ result }, ({ result }) => result.returned.length > 0).then(() => {
      queueTransferReturnedMessagesStep(transform({ result }, ({ result }) => ({ transfers: result.returned })))
    })
    return new WorkflowResponse(result)
  }
)
