import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CampaignStatus } from "../../../modules/loyalty-club/services/campaigns"
import {
  finishCampaignQueuingStep,
  insertCampaignRecipientsStep,
  moveCampaignStep,
  queueCampaignMessagesStep,
  withdrawCampaignMessagesStep,
} from "../steps"

export type QueueCampaignInput = {
  id: string
  /** The moment the segment is read at and messages are composed for (default: now). */
  at?: Date | string
  /**
   * The job's runs: a scheduled campaign only once due, a queuing one only
   * when its run went stale (before this time); and no 400 when another
   * worker took it first.
   */
  job?: { stale_before: Date | string }
}

export const queueCampaignWorkflowId = "loyalty-queue-campaign"

/**
 * Sends a campaign now: moves it to `queuing` (only from draft or
 * scheduled, under its row lock, so of two workers one queues it), writes
 * its recipients from the segment with the exact holdout, gives the
 * targets their gifts and queues their SMS a page at a time, then counts
 * them and moves it to `sending`; the sender job sends the messages, and
 * the campaign is `done` when none is left. A failure undoes each step
 * (messages withdrawn, recipients removed, the status back); gifts stay,
 * keyed by recipient, for the next try.
 *
 * @example
 * const { result } = await queueCampaignWorkflow(container).run({ input: { id: "lcmp_123" } })
 * // result.campaign.status: "sending", result.campaign.recipients: 9000
 */
export const queueCampaignWorkflow = createWorkflow(queueCampaignWorkflowId, (input: QueueCampaignInput) => {
  const move = transform({ input }, ({ input }) => {
    const at = input.at ? new Date(input.at) : new Date()
    return {
      id: input.id,
      from: (input.job ? ["scheduled", "queuing"] : ["draft", "scheduled"]) as CampaignStatus[],
      changes: { status: "queuing" as const, queued_at: new Date(), scheduled_at: input.job ? undefined : null },
      action: "sent",
      due_at: input.job ? at : undefined,
      stale_before: input.job?.stale_before,
      quiet: !!input.job,
    }
  })
  const started = moveCampaignStep(
    transform({ move }, ({ move }) => ({
      ...move,
      changes: Object.fromEntries(Object.entries(move.changes).filter(([, v]) => v !== undefined)),
    }))
  )
  const recipients = insertCampaignRecipientsStep(
    transform({ started, input }, ({ started, input }) => ({ campaign: started, at: input.at }))
  )
  const queued = queueCampaignMessagesStep(
    transform({ started, input }, ({ started, input }) => ({ campaign: started, at: input.at }))
  )
  const campaign = finishCampaignQueuingStep(transform({ started }, ({ started }) => ({ campaign: started })))
  return new WorkflowResponse(
    transform({ campaign, recipients, queued }, ({ campaign, recipients, queued }) => ({
      campaign,
      inserted: recipients.inserted,
      queued: queued.queued,
    }))
  )
})

export const scheduleCampaignWorkflowId = "loyalty-schedule-campaign"

/**
 * Schedules a draft (or moves a scheduled campaign's time): the minute's
 * job queues it once due.
 *
 * @example
 * await scheduleCampaignWorkflow(container).run({ input: { id: "lcmp_123", scheduled_at: "2026-12-01T06:30:00Z" } })
 */
export const scheduleCampaignWorkflow = createWorkflow(
  scheduleCampaignWorkflowId,
  (input: { id: string; scheduled_at: Date | string }) => {
    const campaign = moveCampaignStep(
      transform({ input }, ({ input }) => ({
        id: input.id,
        from: ["draft", "scheduled"] as CampaignStatus[],
        changes: { status: "scheduled" as const, scheduled_at: new Date(input.scheduled_at) },
        action: "scheduled (only drafts and scheduled campaigns are)",
      }))
    )
    return new WorkflowResponse(campaign)
  }
)

export const pauseCampaignWorkflowId = "loyalty-pause-campaign"

/**
 * Pauses a campaign being queued or sent, or an automation that is on: the
 * sender claims none of its messages until it is resumed (they stay
 * queued, none lost).
 *
 * @example
 * await pauseCampaignWorkflow(container).run({ input: { id: "lcmp_123" } })
 */
export const pauseCampaignWorkflow = createWorkflow(pauseCampaignWorkflowId, (input: { id: string }) => {
  const campaign = moveCampaignStep(
    transform({ input }, ({ input }) => ({
      id: input.id,
      from: ["queuing", "sending"] as CampaignStatus[],
      changes: { status: "paused" as const, paused_at: new Date() },
      action: "paused (only a campaign being sent is)",
    }))
  )
  return new WorkflowResponse(campaign)
})

export const resumeCampaignWorkflowId = "loyalty-resume-campaign"

/**
 * Resumes a paused campaign: its queued messages are claimed again, each
 * sent once (their keys).
 *
 * @example
 * await resumeCampaignWorkflow(container).run({ input: { id: "lcmp_123" } })
 */
export const resumeCampaignWorkflow = createWorkflow(resumeCampaignWorkflowId, (input: { id: string }) => {
  const campaign = moveCampaignStep(
    transform({ input }, ({ input }) => ({
      id: input.id,
      from: ["paused"] as CampaignStatus[],
      changes: { status: "sending" as const, paused_at: null },
      action: "resumed (only a paused campaign is)",
    }))
  )
  return new WorkflowResponse(campaign)
})

export const cancelCampaignWorkflowId = "loyalty-cancel-campaign"

/**
 * Cancels a campaign (or turns an automation off for good): what was not
 * sent is withdrawn; what was sent stays, with its results.
 *
 * @example
 * await cancelCampaignWorkflow(container).run({ input: { id: "lcmp_123" } })
 */
export const cancelCampaignWorkflow = createWorkflow(cancelCampaignWorkflowId, (input: { id: string }) => {
  const campaign = moveCampaignStep(
    transform({ input }, ({ input }) => ({
      id: input.id,
      from: ["draft", "scheduled", "queuing", "sending", "paused"] as CampaignStatus[],
      changes: { status: "canceled" as const, canceled_at: new Date(), is_active: false },
      action: "canceled (it is already finished)",
    }))
  )
  const withdrawn = withdrawCampaignMessagesStep(transform({ input }, ({ input }) => ({ campaign_id: input.id })))
  return new WorkflowResponse(transform({ campaign, withdrawn }, ({ campaign, withdrawn }) => ({ campaign, withdrawn })))
})
