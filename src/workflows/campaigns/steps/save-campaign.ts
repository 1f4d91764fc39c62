import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { CampaignRow } from "../../../modules/loyalty-club/services/campaigns"
import { CampaignInput, campaignNotFound, checkCampaign, statusInvalid } from "../campaign-input"

export const createCampaignStepId = "loyalty-create-campaign"

/**
 * Creates a campaign (draft) or an automation (off) after checking it
 * whole (see `checkCampaign`). The undo deletes it.
 */
export const createCampaignStep = createStep(
  createCampaignStepId,
  async (input: CampaignInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const values = await checkCampaign(container, input)
    const campaign = await service.createCampaignRow({
      ...values,
      status: "draft",
      is_active: false,
      created_by: input.created_by ?? null,
    })
    return new StepResponse(campaign, campaign.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.setCampaignDeleted(id, true)
  }
)

export type UpdateCampaignInput = Partial<CampaignInput> & { id: string; is_active?: boolean }

export const updateCampaignStepId = "loyalty-update-campaign"

/**
 * Edits a campaign while it is a draft or scheduled, an automation while
 * it is off; `is_active` turns an automation on (status `sending`; its
 * next run records who is in the segment as the baseline and messages no
 * one) or off (back to draft, editable). The whole campaign after the
 * change is checked again. The undo writes back the campaign before.
 */
export const updateCampaignStep = createStep(
  updateCampaignStepId,
  async (input: UpdateCampaignInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const current = await service.retrieveCampaignRow(input.id)
    if (!current) {
      throw campaignNotFound(input.id)
    }
    const { id, is_active, ...change } = input
    const edits = Object.keys(change).length > 0
    if (current.kind === "campaign") {
      if (is_active !== undefined) {
        throw statusInvalid(current, "turned on or off: only automations are")
      }
      if (!["draft", "scheduled"].includes(current.status)) {
        throw statusInvalid(current, "edited (only drafts and scheduled campaigns are)")
      }
    } else if (current.is_active && edits) {
      throw statusInvalid({ ...current, status: "on" }, "edited while on: turn it off first")
    }
    const changes: Record<string, unknown> = {}
    if (edits) {
      const values = await checkCampaign(
        container,
        {
          name: change.name ?? current.name,
          kind: current.kind,
          segment_id: change.segment_id ?? current.segment_id,
          bodies: change.bodies ?? current.bodies,
          gift: change.gift !== undefined ? change.gift : current.gift,
          holdout_percent: change.holdout_percent,
          throttle_per_minute: change.throttle_per_minute,
          window_days: change.window_days,
          cooldown_days: change.cooldown_days,
          scheduled_at: change.scheduled_at !== undefined ? change.scheduled_at : current.scheduled_at,
        },
        current
      )
      Object.assign(changes, values)
      delete changes.kind
    }
    if (current.kind === "automation" && is_active !== undefined && is_active !== current.is_active) {
      Object.assign(
        changes,
        is_active
          ? { is_active: true, status: "sending", queued_at: null, started_at: new Date(), paused_at: null }
          : { is_active: false, status: "draft" }
      )
      if (is_active) {
        // A fresh baseline: customers already in the segment when it is
        // turned on have not entered it.
        await service.resetAutomationMembers(current.id)
      }
    }
    if (Object.keys(changes).length) {
      await service.updateCampaignRow(current.id, changes)
    }
    const campaign = (await service.retrieveCampaignRow(current.id))!
    return new StepResponse<CampaignRow, CampaignRow>(campaign, current)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const { id, created_at, updated_at, ...values } = before
    await service.updateCampaignRow(id, values)
  }
)

export const deleteCampaignStepId = "loyalty-delete-campaign"

/**
 * Deletes a campaign that sends nothing now: a draft, a scheduled one, a
 * finished or canceled one, an automation that is off. One queuing,
 * sending or paused is canceled first. The undo restores it.
 */
export const deleteCampaignStep = createStep(
  deleteCampaignStepId,
  async (input: { id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const current = await service.retrieveCampaignRow(input.id)
    if (!current) {
      throw campaignNotFound(input.id)
    }
    if (current.is_active || ["queuing", "sending", "paused"].includes(current.status)) {
      throw statusInvalid(current, "deleted while it sends: cancel it first")
    }
    await service.setCampaignDeleted(current.id, true)
    return new StepResponse({ id: current.id }, current.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.setCampaignDeleted(id, false)
  }
)
