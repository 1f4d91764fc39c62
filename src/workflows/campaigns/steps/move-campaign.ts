import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { CampaignChanges, CampaignRow, CampaignStatus } from "../../../modules/loyalty-club/services/campaigns"
import { campaignNotFound, statusInvalid } from "../campaign-input"

export type MoveCampaignInput = {
  id: string
  from: CampaignStatus[]
  changes: CampaignChanges
  /** Words for the 400 when the campaign is in another status ("paused", "resumed"). */
  action: string
  /** A scheduled campaign moves only once due; a queuing one only once its run went stale. */
  due_at?: Date | string
  stale_before?: Date | string
  /** Answer null instead of a 400 when another worker moved it first (the job's queue runs). */
  quiet?: boolean
}

export const moveCampaignStepId = "loyalty-move-campaign"

/**
 * Moves a campaign's status only from the statuses given, under its row
 * lock: of two workers only one moves it (the other gets null, or a 400
 * naming the status it found). The undo puts back the status and times,
 * if nothing moved it since.
 */
export const moveCampaignStep = createStep(
  moveCampaignStepId,
  async (input: MoveCampaignInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const moved = await service.moveCampaign(input.id, input.from, input.changes, {
      due_at: input.due_at ? new Date(input.due_at) : undefined,
      stale_before: input.stale_before ? new Date(input.stale_before) : undefined,
    })
    if (!moved) {
      if (input.quiet) {
        return new StepResponse<CampaignRow | null, { before: CampaignRow; after: CampaignStatus } | null>(null, null)
      }
      const current = await service.retrieveCampaignRow(input.id)
      throw current ? statusInvalid(current, input.action) : campaignNotFound(input.id)
    }
    return new StepResponse<CampaignRow | null, { before: CampaignRow; after: CampaignStatus } | null>(
      moved.campaign,
      { before: moved.before, after: moved.campaign.status }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.restoreCampaign(undo.before, undo.after)
  }
)
