import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createCashbackRulesStep, validateCashbackRulesStep } from "../steps"

export const createCashbackRulesWorkflowId = "loyalty-create-cashback-rules"

/**
 * Creates cashback rules after checking their fields and that every id they
 * name exists.
 *
 * @example
 * await createCashbackRulesWorkflow(container).run({
 *   input: { rules: [{ name: "2% on washing machines", type: "percent", value: 2,
 *     scope: { category_ids: ["pcat_washing"] } }] },
 * })
 */
export const createCashbackRulesWorkflow = createWorkflow(
  createCashbackRulesWorkflowId,
  (input: { rules: Record<string, any>[] }) => {
    validateCashbackRulesStep(input.rules)
    return new WorkflowResponse(createCashbackRulesStep(input.rules))
  }
)
