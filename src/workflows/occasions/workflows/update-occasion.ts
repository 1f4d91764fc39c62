import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { UpdateOccasionInput, updateOccasionStep } from "../steps"

export const updateOccasionWorkflowId = "loyalty-update-occasion"

/**
 * Turns an occasion on or off and sets its gift (none, a personal code
 * from a batch, or credit per currency with its validity) and when it is
 * sent (`days_before` a date, `after_days` after the last or first order).
 * The wording is the message template of the occasion's SMS event.
 *
 * @example
 * await updateOccasionWorkflow(container).run({
 *   input: { kind: "nowruz", enabled: true, gift_type: "credit", credit_amount: { irr: "500000" }, credit_valid_days: 14 },
 * })
 */
export const updateOccasionWorkflow = createWorkflow(updateOccasionWorkflowId, (input: UpdateOccasionInput) => {
  return new WorkflowResponse(updateOccasionStep(input))
})
