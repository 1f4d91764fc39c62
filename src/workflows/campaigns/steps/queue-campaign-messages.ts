import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { CampaignRow } from "../../../modules/loyalty-club/services/campaigns"
import { CAMPAIGN_EVENT } from "../../../utils/sms-messages"
import { composeMessages, prepareMessages } from "../../messages/compose-messages"
import { giveCampaignGifts } from "../gifts"

export const queueCampaignMessagesStepId = "loyalty-queue-campaign-messages"

// Targets handled per page: one read of the pending recipients, their
// gifts, one compose (names, phones, preferences and balances read
// set-based) and one INSERT of their messages.
const PAGE = 5000

/**
 * Gives the targets still without a message their gift and queues their
 * SMS, a page at a time: the campaign's wording in each customer's
 * language with its variables, the opt-out line, quiet hours, keyed by
 * `campaign:<campaign>:<customer>:<occurrence>:once` (a repeat queues
 * nothing), tied to the campaign (its pause and throttle hold them). A
 * target who opted out or has no phone gets a `skipped` row and no gift.
 * Each recipient is then linked to its message. Gifts are keyed too and
 * are not undone (a second run finds them). The undo withdraws the
 * messages this step queued and unlinks them.
 */
export const queueCampaignMessagesStep = createStep(
  queueCampaignMessagesStepId,
  async (input: { campaign: CampaignRow | null; at?: Date | string }, { container }) => {
    const campaign = input.campaign
    if (!campaign) {
      return new StepResponse({ queued: 0, targets: 0 }, null)
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const at = input.at ? new Date(input.at) : new Date()
    const options = { bodies: campaign.bodies, campaign_id: campaign.id }
    const setup = await prepareMessages(container, CAMPAIGN_EVENT, at, { bodies: campaign.bodies })
    const ids: string[] = []
    let targets = 0
    let after: string | null = null
    try {
      for (;;) {
        const page = await service.listPendingCampaignRecipients(campaign.id, after, PAGE)
        if (!page.length) {
          break
        }
        after = page[page.length - 1].id
        targets += page.length
        const { items, gifts } = await giveCampaignGifts(container, campaign, page, at)
        await service.recordCampaignGifts(gifts)
        const messages = await composeMessages(container, CAMPAIGN_EVENT, items, at, setup, options)
        ids.push(...(await service.queueMessages(messages as any)))
        await service.linkCampaignMessages(
          campaign.id,
          page.map((r) => r.id)
        )
        if (page.length < PAGE) {
          break
        }
      }
    } catch (error) {
      // What this run queued before failing goes with the failure, as the
      // undo of a finished step would.
      await service.unlinkCampaignMessages(ids)
      await service.withdrawQueuedMessages(ids)
      throw error
    }
    return new StepResponse({ queued: ids.length, targets }, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.unlinkCampaignMessages(ids)
    await service.withdrawQueuedMessages(ids)
  }
)
