import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { CampaignRow } from "../../../modules/loyalty-club/services/campaigns"
import { SegmentGroup } from "../../../utils/segment-conditions"
import { shopDay } from "../../../utils/sms-messages"

export const runAutomationMembersStepId = "loyalty-run-automation-members"

/**
 * One automation run's who-entered (see the room's `runAutomation`): the
 * baseline on the first run after it was turned on, else the customers who
 * entered its segment since the last run and are out of its cooldown,
 * written as recipients of the shop day with the holdout drawn among them.
 * Returns the automation (null when it is not on). The undo deletes the
 * recipients and puts the member set back.
 */
export const runAutomationMembersStep = createStep(
  runAutomationMembersStepId,
  async (input: { campaign_id: string; at?: Date | string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const at = input.at ? new Date(input.at) : new Date()
    const campaign = await service.retrieveCampaignRow(input.campaign_id)
    const none = { campaign: null as CampaignRow | null, baseline: false, entered: 0, inserted: 0, holdout: 0 }
    if (!campaign || campaign.kind !== "automation" || campaign.status !== "sending" || !campaign.is_active) {
      return new StepResponse(none, null)
    }
    const [segment] = await service.listSegments({ id: campaign.segment_id }, { select: ["id", "conditions"] })
    if (!segment) {
      return new StepResponse(none, null)
    }
    const settings = await service.retrieveSettings()
    const run = await service.runAutomationMembers({
      campaign_id: campaign.id,
      conditions: segment.conditions as unknown as SegmentGroup,
      occurrence: shopDay(at, settings.time_zone),
      at,
    })
    if (!run) {
      return new StepResponse(none, null)
    }
    return new StepResponse(
      { campaign, baseline: run.baseline, entered: run.entered, inserted: run.inserted, holdout: run.holdout },
      { campaign_id: campaign.id, stamp: run.stamp!, previous_run_at: run.previous_run_at }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.undoAutomationRun(undo)
  }
)
