import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteCashbackRulesStep } from "../steps"

export const deleteCashbackRulesWorkflowId = "loyalty-delete-cashback-rules"

/**
 * Deletes cashback rules (soft: cashback already awarded keeps its rule).
 *
 * @example
 * await deleteCashbackRulesWorkflow(container).run({ input: { ids: ["lcbr_123"] } })
 */
export const deleteCashbackRulesWorkflow = createWorkflow(
  deleteCashbackRulesWorkflowId,
  (input: { ids: string[] }) => {
    return new WorkflowResponse(deleteCashbackRulesStep(input.ids))
  }
)
