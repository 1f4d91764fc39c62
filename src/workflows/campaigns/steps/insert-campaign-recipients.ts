import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { CampaignRow } from "../../../modules/loyalty-club/services/campaigns"
import { SegmentGroup } from "../../../utils/segment-conditions"

export const insertCampaignRecipientsStepId = "loyalty-insert-campaign-recipients"

/**
 * Writes a campaign's recipients from its segment as it is now, set-based,
 * with the exact holdout (see the room's `insertRecipients`); nothing for
 * a campaign another worker took. A second run (a queue resumed after a
 * worker died) adds no one: the rows' unique key. The undo deletes the
 * rows this step wrote.
 */
export const insertCampaignRecipientsStep = createStep(
  insertCampaignRecipientsStepId,
  async (input: { campaign: CampaignRow | null; at?: Date | string }, { container }) => {
    const campaign = input.campaign
    if (!campaign) {
      return new StepResponse({ inserted: 0, holdout: 0 }, null)
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const [segment] = await service.listSegments({ id: campaign.segment_id }, { select: ["id", "conditions"] })
    if (!segment) {
      // Deleted meanwhile (an in-use segment cannot be deleted; a race can):
      // the campaign reaches no one.
      return new StepResponse({ inserted: 0, holdout: 0 }, null)
    }
    const written = await service.insertCampaignRecipients({
      campaign_id: campaign.id,
      conditions: segment.conditions as unknown as SegmentGroup,
      holdout_percent: campaign.holdout_percent,
      at: input.at ? new Date(input.at) : new Date(),
    })
    return new StepResponse(
      { inserted: written.inserted, holdout: written.holdout },
      written.stamp ? { campaign_id: campaign.id, stamp: written.stamp } : null
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.removeCampaignRecipients(undo.campaign_id, undo.stamp)
  }
)
