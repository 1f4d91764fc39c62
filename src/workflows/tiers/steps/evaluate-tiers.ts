import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { CustomerTierRow, TierChange, TierChangeReason } from "../../../modules/loyalty-club/types"
import { decideTier, qualifiedTier } from "../../../utils/tiers"
import { loadTierStats, loadTiers } from "../tier-stats"

export const evaluateTiersStepId = "loyalty-evaluate-tiers"

export type EvaluateTiersStepInput = {
  /** `order`: may only lift (an order was placed); `evaluation`: the periodic run. */
  mode: "order" | "evaluation"
  /** Only these customers; all customers with orders or a tier otherwise. */
  customer_ids?: string[]
  order_id?: string | null
  /** Members of deleted tiers: moved at once, pins dropped. */
  reason?: TierChangeReason
  now?: Date | string
}

export type AppliedTierChange = TierChange & {
  history_id: string
  direction: "upgraded" | "downgraded" | "unchanged"
  from_rank: number | null
  to_rank: number | null
}

/** Written changes with the ranks they moved between and which way. */
export function withDirection(
  changes: (TierChange & { history_id: string })[],
  rankOf: Map<string, number>
): AppliedTierChange[] {
  return changes.map((c) => {
    const from = c.from_tier_id ? rankOf.get(c.from_tier_id) ?? null : null
    const to = c.to_tier_id ? rankOf.get(c.to_tier_id) ?? null : null
    const [a, b] = [from ?? -1, to ?? -1]
    return {
      ...c,
      from_rank: from,
      to_rank: to,
      direction: b > a ? "upgraded" : b < a ? "downgraded" : "unchanged",
    }
  })
}

// Changes are written in batches: one statement per batch, not per customer.
const BATCH = 5000

export type TierUndo = {
  states: CustomerTierRow[]
  created: string[]
  history_ids: string[]
}

/**
 * Evaluates customers against the tiers, set-based: one aggregate over the
 * orders, one read of the customers' tier state, the decisions in memory
 * (utils/tiers), then the moves and grace marks in batched statements. The
 * undo puts the customers it wrote to back and strikes their history rows.
 */
export const evaluateTiersStep = createStep(
  evaluateTiersStepId,
  async (input: EvaluateTiersStepInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const [tiers, settings] = await Promise.all([loadTiers(container), service.retrieveSettings()])
    const [stats, states] = await Promise.all([
      loadTierStats(container, tiers, now, input.customer_ids),
      service.listCustomerTierStates(input.customer_ids),
    ])
    const stateOf = new Map(states.map((s) => [s.customer_id, s]))
    const rankOf = new Map(tiers.map((t) => [t.id, t.rank]))
    const customers = input.customer_ids ?? Array.from(new Set([...stats.keys(), ...stateOf.keys()]))
    const forced = input.reason === "tier_deleted"

    const changes: TierChange[] = []
    const marks: { customer_id: string; below_since: Date | null }[] = []
    // Customers below their tier and within its grace after this run.
    let inGrace = 0
    for (const customer_id of customers) {
      const state = stateOf.get(customer_id) ?? {
        tier_id: null,
        pinned: false,
        below_since: null,
      }
      const decision = decideTier(
        forced ? { ...state, pinned: false } : state,
        qualifiedTier(tiers, stats.get(customer_id)),
        rankOf,
        { mode: input.mode, now, grace_days: settings.tier_grace_days }
      )
      if (decision.to) {
        changes.push({
          customer_id,
          from_tier_id: state.tier_id,
          to_tier_id: decision.to.tier_id,
          reason: input.reason ?? input.mode,
          order_id: input.order_id ?? null,
          pinned: false,
          at: now,
        })
      } else if (decision.below_since !== undefined && stateOf.has(customer_id)) {
        marks.push({ customer_id, below_since: decision.below_since })
      }
      const graceAfter = decision.to ? null : decision.below_since !== undefined ? decision.below_since : state.below_since
      if (graceAfter && !state.pinned) {
        inGrace++
      }
    }

    const applied: AppliedTierChange[] = []
    for (let i = 0; i < changes.length; i += BATCH) {
      const done = await service.changeCustomerTiers(changes.slice(i, i + BATCH))
      applied.push(...withDirection(done, rankOf))
    }
    for (let i = 0; i < marks.length; i += BATCH) {
      await service.markTierGrace(marks.slice(i, i + BATCH))
    }
    // The undo puts back the state of every customer this run wrote to:
    // those it moved and those whose grace it started or ended.
    const touched = new Set([...applied.map((c) => c.customer_id), ...marks.map((m) => m.customer_id)])
    const undo: TierUndo = {
      states: states.filter((s) => touched.has(s.customer_id)),
      created: applied.filter((c) => !stateOf.has(c.customer_id)).map((c) => c.customer_id),
      history_ids: applied.map((c) => c.history_id),
    }
    return new StepResponse(
      { changes: applied, evaluated: customers.length, grace_marks: marks.length, in_grace: inGrace },
      undo
    )
  },
  async (undo, { container }) => {
    if (!undo || (!undo.history_ids.length && !undo.states.length)) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.undoTierChanges(undo)
  }
)
