import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCodeBatchStep } from "../steps/create-code-batch"
import { CreateCodeBatchWorkflowInput, validateCodeBatchStep } from "../steps/validate-code-batch"

export const createCodeBatchWorkflowId = "loyalty-create-code-batch"

/**
 * Creates a code batch from a template and its Medusa campaign (name,
 * dates, budget). A personal batch is `active` at once: its codes are
 * issued one at a time (`issuePersonalCodeWorkflow`). A bulk batch starts
 * `creating`: `issueCodeBatchWorkflow` makes its codes in the background
 * (the route starts it; the `loyalty-issue-code-batches` job resumes a
 * batch whose run stopped), and `issued` shows the progress.
 *
 * @example
 * const { result: batch } = await createCodeBatchWorkflow(container).run({
 *   input: {
 *     name: "Nowruz", kind: "bulk", discount_type: "percentage", value: "20", target: "order",
 *     max_discount: { irr: "5000000" }, min_basket: { irr: "10000000" }, prefix: "NOWRUZ", quantity: 5000,
 *   },
 * })
 */
export const createCodeBatchWorkflow = createWorkflow(createCodeBatchWorkflowId, (input: CreateCodeBatchWorkflowInput) => {
  const checked = validateCodeBatchStep(input)
  return new WorkflowResponse(createCodeBatchStep(checked))
})
