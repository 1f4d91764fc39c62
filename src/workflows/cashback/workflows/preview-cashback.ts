import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { previewCashbackStep, PreviewCashbackInput } from "../steps"

export const previewCashbackWorkflowId = "loyalty-preview-cashback"

/**
 * What a shopper would earn for a cart or for a variant and quantity.
 *
 * @example
 * const { result } = await previewCashbackWorkflow(container).run({
 *   input: { variant_id: "variant_123", quantity: 2, region_id: "reg_123" },
 * })
 */
export const previewCashbackWorkflow = createWorkflow(
  previewCashbackWorkflowId,
  (input: PreviewCashbackInput) => {
    return new WorkflowResponse(previewCashbackStep(input))
  }
)
