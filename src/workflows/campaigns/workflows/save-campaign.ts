import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CampaignInput } from "../campaign-input"
import { createCampaignStep, deleteCampaignStep, updateCampaignStep, UpdateCampaignInput } from "../steps"

export const createCampaignWorkflowId = "loyalty-create-campaign"

/**
 * Creates an SMS campaign (a draft, sent with `queueCampaignWorkflow` or
 * scheduled with `scheduleCampaignWorkflow`) or an automation (off until
 * turned on with `updateCampaignWorkflow` and `is_active: true`).
 *
 * @example
 * const { result } = await createCampaignWorkflow(container).run({
 *   input: { name: "Come back", segment_id: "lseg_123", bodies: { fa: "{first_name} عزیز، دلمان تنگ شده" } },
 * })
 */
export const createCampaignWorkflow = createWorkflow(createCampaignWorkflowId, (input: CampaignInput) => {
  return new WorkflowResponse(createCampaignStep(input))
})

export const updateCampaignWorkflowId = "loyalty-update-campaign"

/**
 * Edits a draft or scheduled campaign, or an automation that is off; turns
 * an automation on or off (`is_active`).
 *
 * @example
 * await updateCampaignWorkflow(container).run({ input: { id: "lcmp_123", is_active: true } })
 */
export const updateCampaignWorkflow = createWorkflow(updateCampaignWorkflowId, (input: UpdateCampaignInput) => {
  return new WorkflowResponse(updateCampaignStep(input))
})

export const deleteCampaignWorkflowId = "loyalty-delete-campaign"

/**
 * Deletes a campaign that sends nothing now (a draft, scheduled, done or
 * canceled one; an automation that is off).
 *
 * @example
 * await deleteCampaignWorkflow(container).run({ input: { id: "lcmp_123" } })
 */
export const deleteCampaignWorkflow = createWorkflow(deleteCampaignWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(deleteCampaignStep(input))
})
