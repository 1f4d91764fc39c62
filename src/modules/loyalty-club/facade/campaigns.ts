import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { SegmentGroup } from "../../../utils/segment-conditions"
import {
  AutomationRun,
  CampaignChanges,
  CampaignRow,
  CampaignStatus,
  CampaignsRoom,
  CampaignValuesInput,
  PendingRecipient,
  RecipientsWritten,
} from "../services/campaigns"
import { CampaignMessageCounts } from "../services/campaign-results"
import { SegmentsFacade } from "./segments"

/** The facade's campaigns part: SMS campaigns and automations (services/campaigns.ts, campaign-results.ts). */
export class CampaignsFacade extends SegmentsFacade {
  // Campaigns (services/campaigns.ts): status moves, recipients, automations, results
  /** A campaign with every column, or null. */
  @InjectManager()
  async retrieveCampaignRow(id: string, @MedusaContext() sharedContext: Context = {}): Promise<CampaignRow | null> {
    return await this.campaigns_.retrieve(id, sharedContext)
  }

  /** Creates a campaign with the values checked by its workflow. */
  @InjectManager()
  async createCampaignRow(
    values: CampaignValuesInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CampaignRow> {
    return await this.campaigns_.create(values, sharedContext)
  }

  /** Saves a campaign's columns given; null for an unknown id. */
  @InjectManager()
  async updateCampaignRow(
    id: string,
    values: CampaignValuesInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CampaignRow | null> {
    return await this.campaigns_.update(id, values, sharedContext)
  }

  /** Deletes a campaign (soft) or, `deleted: false`, brings it back. */
  @InjectManager()
  async setCampaignDeleted(id: string, deleted: boolean, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return await this.campaigns_.setDeleted(id, deleted, sharedContext)
  }

  /** A page of campaigns or automations, newest first, and the count. */
  @InjectManager()
  async listAndCountCampaignRows(
    filters: Parameters<CampaignsRoom["listAndCount"]>[0],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ campaigns: CampaignRow[]; count: number }> {
    return await this.campaigns_.listAndCount(filters, sharedContext)
  }

  /** A conditional status move: only from `from` (and the guard); null when another worker moved it first. */
  @InjectManager()
  async moveCampaign(
    id: string,
    from: CampaignStatus[],
    changes: CampaignChanges,
    guard: { due_at?: Date; stale_before?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ campaign: CampaignRow; before: CampaignRow } | null> {
    return await this.campaigns_.move(id, from, changes, guard, sharedContext)
  }

  /** The undo of a move, if the campaign is still in `after`. */
  @InjectManager()
  async restoreCampaign(
    before: CampaignRow,
    after: CampaignStatus,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.campaigns_.restore(before, after, sharedContext)
  }

  /** Scheduled campaigns due at `at` and queuing ones whose run went stale before `staleBefore`. */
  @InjectManager()
  async listDueCampaigns(at: Date, staleBefore: Date, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await this.campaigns_.listDue(at, staleBefore, sharedContext)
  }

  /** The automations that are on. */
  @InjectManager()
  async listActiveAutomations(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await this.campaigns_.listActiveAutomations(sharedContext)
  }

  /** Writes a campaign's recipients and exact holdout from its segment, set-based, once. */
  @InjectManager()
  async insertCampaignRecipients(
    data: Parameters<CampaignsRoom["insertRecipients"]>[0],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecipientsWritten> {
    return await this.campaigns_.insertRecipients(data, sharedContext)
  }

  /** The undo of `insertCampaignRecipients`: the rows written at `stamp`. */
  @InjectManager()
  async removeCampaignRecipients(
    campaignId: string,
    stamp: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.campaigns_.removeRecipients(campaignId, stamp, sharedContext)
  }

  /** One automation run's member diff and recipients (null when it is not on). */
  @InjectManager()
  async runAutomationMembers(
    data: Parameters<CampaignsRoom["runAutomation"]>[0],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AutomationRun | null> {
    return await this.campaigns_.runAutomation(data, sharedContext)
  }

  /** The undo of `runAutomationMembers`. */
  @InjectManager()
  async undoAutomationRun(
    data: Parameters<CampaignsRoom["undoAutomationRun"]>[0],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.campaigns_.undoAutomationRun(data, sharedContext)
  }

  /** Forgets an automation's members (its next run records a new baseline). */
  @InjectManager()
  async resetAutomationMembers(campaignId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return await this.campaigns_.resetAutomation(campaignId, sharedContext)
  }

  /** A page of targets still without a message. */
  @InjectManager()
  async listPendingCampaignRecipients(
    campaignId: string,
    after: string | null,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PendingRecipient[]> {
    return await this.campaigns_.listPendingRecipients(campaignId, after, limit, sharedContext)
  }

  /** Records recipients' gifts. */
  @InjectManager()
  async recordCampaignGifts(
    records: { id: string; gift: Record<string, unknown> }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.campaigns_.recordGifts(records, sharedContext)
  }

  /** Links recipients to their queued (or skipped) messages by the messages' keys. */
  @InjectManager()
  async linkCampaignMessages(
    campaignId: string,
    recipientIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return await this.campaigns_.linkMessages(campaignId, recipientIds, sharedContext)
  }

  /** The undo of `linkCampaignMessages` for withdrawn messages. */
  @InjectManager()
  async unlinkCampaignMessages(messageIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return await this.campaigns_.unlinkMessages(messageIds, sharedContext)
  }

  /** Counts the recipients onto the campaign and moves it from queuing to sending. */
  @InjectManager()
  async finishCampaignQueuing(campaignId: string, @MedusaContext() sharedContext: Context = {}): Promise<CampaignRow | null> {
    return await this.campaigns_.finishQueuing(campaignId, sharedContext)
  }

  /** Sending campaigns (these, or all) with nothing left to send: `done`. */
  @InjectManager()
  async finishSentCampaigns(ids: string[] | null = null, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await this.campaigns_.finishSent(ids, sharedContext)
  }

  /** A segment's members now: opted out, without a phone, reachable per language. */
  @InjectManager()
  async campaignAudience(
    conditions: SegmentGroup,
    at: Date,
    defaultLocale: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ members: number; opted_out: number; no_phone: number; fa: number; en: number }> {
    return await this.campaignResults_.audience(conditions, at, defaultLocale, sharedContext)
  }

  /** Campaigns' messages by status. */
  @InjectManager()
  async campaignMessageCounts(
    campaignIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, CampaignMessageCounts>> {
    return await this.campaignResults_.messageCounts(campaignIds, sharedContext)
  }

  /** A campaign's result figures per group (see services/campaigns.ts `results`). */
  @InjectManager()
  async campaignResultFacts(
    campaignId: string,
    windowDays: number,
    currencyCode: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.campaignResults_.results(campaignId, windowDays, currencyCode, sharedContext)
  }

  /** The campaigns a customer entered, newest first. */
  @InjectManager()
  async listCustomerCampaigns(
    customerId: string,
    limit = 50,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<any[]> {
    return await this.campaignResults_.customerCampaigns(customerId, limit, sharedContext)
  }
}
