import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { updateCashbackRuleStep, validateCashbackRulesStep } from "../steps"

export const updateCashbackRuleWorkflowId = "loyalty-update-cashback-rule"

/**
 * Updates a cashback rule. The update is merged into the stored rule and the
 * whole result is validated, so a change cannot leave the rule inconsistent
 * (a fixed rule without currency, an end before its start). `names`,
 * `scope` and `multiplier` given in the update replace the stored ones
 * whole, as validated.
 *
 * @example
 * await updateCashbackRuleWorkflow(container).run({
 *   input: { id: "lcbr_123", update: { is_active: false } },
 * })
 */
export const updateCashbackRuleWorkflow = createWorkflow(
  updateCashbackRuleWorkflowId,
  (input: { id: string; update: Record<string, any> }) => {
    const { data: rules } = useQueryGraphStep({
      entity: "cashback_rule",
      fields: ["*"],
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })
    const merged = transform({ rules, input }, ({ rules, input }) => {
      const current: Record<string, any> = { ...rules[0] }
      for (const key of ["value", "min_subtotal", "max_amount"]) {
        current[key] = current[`raw_${key}`]?.value ?? current[key]
      }
      return [{ ...current, ...input.update }]
    })
    validateCashbackRulesStep(merged)
    return new WorkflowResponse(updateCashbackRuleStep(input))
  }
)
