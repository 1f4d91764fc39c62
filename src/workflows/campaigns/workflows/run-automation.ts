import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { finishCampaignQueuingStep, queueCampaignMessagesStep, runAutomationMembersStep } from "../steps"

export const runAutomationWorkflowId = "loyalty-run-automation"

/**
 * One run of an automation that is on: who entered its segment since the
 * last run (the first run records the baseline and sends nothing), less
 * those it reached within its cooldown, become the day's recipients with
 * their holdout; the targets get their gift and SMS as a campaign's do.
 * Two runs at once take turns on the automation's row; a customer enters
 * once per day (the recipients' key).
 *
 * @example
 * const { result } = await runAutomationWorkflow(container).run({ input: { campaign_id: "lcmp_123" } })
 */
export const runAutomationWorkflow = createWorkflow(
  runAutomationWorkflowId,
  (input: { campaign_id: string; at?: Date | string }) => {
    const run = runAutomationMembersStep(input)
    const queued = queueCampaignMessagesStep(
      transform({ run, input }, ({ run, input }) => ({ campaign: run.campaign, at: input.at }))
    )
    // The automation's figures (messaged, holdout, skipped) over all its runs.
    finishCampaignQueuingStep(transform({ run }, ({ run }) => ({ campaign: run.campaign })))
    return new WorkflowResponse(
      transform({ run, queued }, ({ run, queued }) => ({
        baseline: run.baseline,
        entered: run.entered,
        recipients: run.inserted,
        holdout: run.holdout,
        queued: queued.queued,
      }))
    )
  }
)
