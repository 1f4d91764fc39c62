import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { IssuedPersonalCode, issuePersonalCodeStep, IssuePersonalCodeWorkflowInput } from "../steps/issue-personal-code"

export type { IssuedPersonalCode, IssuePersonalCodeWorkflowInput } from "../steps/issue-personal-code"

export const issuePersonalCodeWorkflowId = "loyalty-issue-personal-code"

/**
 * Issues a personal discount code to one customer from a personal batch:
 * an occasion's gift, an admin's gift, a referral. The code works only on
 * that customer's cart (a guest or another shopper is refused by name) and
 * ends `valid_days` after it is issued (or at `expires_at`), never after
 * the batch. Idempotent by (source, source_id): the same source_id returns
 * the same code with `created: false`. The result carries what the code
 * gives (`discount`), for the SMS's `{discount}` (see `formatDiscount`).
 *
 * @example
 * const { result } = await issuePersonalCodeWorkflow(container).run({
 *   input: { batch_id: "lcb_123", customer_id: "cus_123", source: "occasion", source_id: "logr_123" },
 * })
 * // result.code.code: "BDAY-7KQ4M9XZP", result.discount: { discount_type: "percentage", value: "15", ... }
 */
export const issuePersonalCodeWorkflow = createWorkflow(
  issuePersonalCodeWorkflowId,
  (input: IssuePersonalCodeWorkflowInput) => {
    const issued = issuePersonalCodeStep(input)
    return new WorkflowResponse<IssuedPersonalCode>(issued)
  }
)
