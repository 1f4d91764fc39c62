import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { qualifiedTier } from "../../../utils/tiers"
import { loadTierStats, loadTiers } from "../tier-stats"
import { AppliedTierChange, TierUndo, withDirection } from "./evaluate-tiers"
import { LoyaltyErrorCode } from "../../../utils/error-codes"

export const setCustomerTierStepId = "loyalty-set-customer-tier"

export type SetCustomerTierInput = {
  customer_id: string
  /** true: pin to `tier_id`; false: unpin and take the tier the orders give. */
  pinned: boolean
  tier_id?: string | null
  note?: string | null
  actor_id?: string | null
}

/**
 * Pins a customer to a tier (kept there, not re-evaluated, until unpinned)
 * or unpins them, which places them at once where their orders put them.
 * Every pin and unpin is a history row. Unpinning a customer who is not
 * pinned changes nothing.
 */
export const setCustomerTierStep = createStep(
  setCustomerTierStepId,
  async (input: SetCustomerTierInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const tiers = await loadTiers(container)
    const [state] = await service.listCustomerTierStates([input.customer_id])
    let to: string | null
    if (input.pinned) {
      if (!input.tier_id || !tiers.some((t) => t.id === input.tier_id)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `tier_id (${input.tier_id ?? "missing"}) is not a tier of this shop`,
          LoyaltyErrorCode.TIER_ID_INVALID
        )
      }
      to = input.tier_id
    } else {
      if (!state?.pinned) {
        const nothing: TierUndo = { states: [], created: [], history_ids: [] }
        return new StepResponse({ changes: [] as AppliedTierChange[] }, nothing)
      }
      const stats = await loadTierStats(container, tiers, new Date(), [input.customer_id])
      to = qualifiedTier(tiers, stats.get(input.customer_id))?.id ?? null
    }
    const rankOf = new Map(tiers.map((t) => [t.id, t.rank]))
    const done = await service.changeCustomerTiers([
      {
        customer_id: input.customer_id,
        from_tier_id: state?.tier_id ?? null,
        to_tier_id: to,
        reason: input.pinned ? "pin" : "unpin",
        note: input.note ?? null,
        actor_id: input.actor_id ?? null,
        pinned: input.pinned,
      },
    ])
    if (!done.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The tier of customer ${input.customer_id} changed meanwhile; try again`
      )
    }
    const changes = withDirection(done, rankOf)
    const undo: TierUndo = {
      states: state ? [state] : [],
      created: state ? [] : [input.customer_id],
      history_ids: done.map((c) => c.history_id),
    }
    return new StepResponse({ changes }, undo)
  },
  async (undo, { container }) => {
    if (!undo?.history_ids.length) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.undoTierChanges(undo)
  }
)
