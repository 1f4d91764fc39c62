import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCustomerExistsStep } from "../../wallet/steps"
import { clearBirthdayStep, SetBirthdayInput, setBirthdayStep } from "../steps"

export const setBirthdayWorkflowId = "loyalty-set-birthday"

/**
 * Sets a customer's birthday as they gave it (a calendar, a month and a
 * day), by the shopper, staff or the kiosk. The same day again keeps its
 * `changed_at`, so only a real move counts toward the 30-day rule (a
 * birthday moved within 30 days before itself earns nothing that year).
 *
 * @example
 * await setBirthdayWorkflow(container).run({
 *   input: { customer_id: "cus_123", calendar: "jalali", month: 12, day: 30, set_by: "customer" },
 * })
 */
export const setBirthdayWorkflow = createWorkflow(setBirthdayWorkflowId, (input: SetBirthdayInput) => {
  validateCustomerExistsStep(input)
  return new WorkflowResponse(setBirthdayStep(input))
})

export const clearBirthdayWorkflowId = "loyalty-clear-birthday"

/**
 * Clears a customer's birthday: no birthday gift until one is set again
 * (and a new one is a change: 30 days before it earn nothing).
 *
 * @example
 * await clearBirthdayWorkflow(container).run({ input: { customer_id: "cus_123" } })
 */
export const clearBirthdayWorkflow = createWorkflow(clearBirthdayWorkflowId, (input: { customer_id: string }) => {
  validateCustomerExistsStep(input)
  return new WorkflowResponse(clearBirthdayStep(input))
})
