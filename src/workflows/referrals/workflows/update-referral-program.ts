import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { UpdateReferralProgramInput, updateReferralProgramStep } from "../steps"

export const updateReferralProgramWorkflowId = "loyalty-update-referral-program"

/**
 * Saves the referral programme: the switch, the friend's gift (a personal
 * code batch, or credit per currency), the referrer's credit and hold, the
 * optional percentage of later orders, and the fraud limits. Each bad
 * value is a 400 naming its field; a failure after the save writes the
 * programme back.
 *
 * @example
 * const { result } = await updateReferralProgramWorkflow(container).run({
 *   input: { data: { enabled: true, friend_gift_type: "credit", friend_credit: { irr: "500000" },
 *     referrer_credit: { irr: "1000000" }, hold_days: 14 } },
 * })
 */
export const updateReferralProgramWorkflow = createWorkflow(
  updateReferralProgramWorkflowId,
  (input: UpdateReferralProgramInput) => {
    const program = updateReferralProgramStep(input)
    return new WorkflowResponse(transform({ program }, ({ program }) => ({ program })))
  }
)
