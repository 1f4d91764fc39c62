import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deactivatePromotionsStep, disableCodeBatchRowStep } from "../steps/disable-code-batch"

export const disableCodeBatchWorkflowId = "loyalty-disable-code-batch"

/**
 * Disables a batch: none of its codes applies any more (a cart adding one
 * is refused with `loyalty_code_batch_disabled`, a cart carrying one drops
 * it at its next change and cannot complete with it), and the Medusa
 * promotions its codes became are switched off. A bulk batch still being
 * made stops there. Disabling twice changes nothing.
 *
 * @example
 * const { result } = await disableCodeBatchWorkflow(container).run({ input: { id: "lcb_123" } })
 */
export const disableCodeBatchWorkflow = createWorkflow(disableCodeBatchWorkflowId, (input: { id: string }) => {
  const disabled = disableCodeBatchRowStep(input)
  deactivatePromotionsStep(transform({ disabled }, ({ disabled }) => ({ promotion_ids: disabled.promotion_ids })))
  return new WorkflowResponse(transform({ disabled }, ({ disabled }) => disabled.batch))
})
