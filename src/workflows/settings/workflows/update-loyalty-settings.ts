import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LoyaltySettingsValues } from "../../../modules/loyalty-club/types"
import { updateLoyaltySettingsStep } from "../steps"

export const updateLoyaltySettingsWorkflowId = "loyalty-update-settings"

/**
 * Saves the shop's loyalty settings (clawback strategy, whether credit paid
 * counts toward cashback). Fields left out keep their value.
 *
 * @example
 * await updateLoyaltySettingsWorkflow(container).run({
 *   input: { clawback_strategy: "force_negative" },
 * })
 */
export const updateLoyaltySettingsWorkflow = createWorkflow(
  updateLoyaltySettingsWorkflowId,
  (input: Partial<LoyaltySettingsValues>) => {
    return new WorkflowResponse(updateLoyaltySettingsStep(input))
  }
)
