import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { CustomerTierRow, TierChange, TierChangeReason } from "../../../modules/loyalty-club/types"
import { decideTier, qualifiedTier } from "../../../utils/tiers"
import { composeMessages, MessageSetup, prepareMessages } from "../../messages/compose-messages"
import { LoyaltyTierEvents, tierEventPayload } from "../events"
import { forEachTierPage, loadTierStats, loadTiers, TierRow } from "../tier-stats"

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

export type EvaluateTiersResult = {
  /** The moves made (with their history rows). */
  changes: AppliedTierChange[]
  upgraded: number
  downgraded: number
  /** Customers measured: those asked for, or everyone with orders or a tier. */
  evaluated: number
  /** Grace periods started or ended. */
  grace_marks: number
  /** Customers below their tier and within its grace after this run. */
  in_grace: number
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

// Customers are measured, moved, announced and texted a page at a time:
// one statement per page for the moves and history, one for the grace
// marks, one for the messages, one event-bus call for the events.
const PAGE = 5000

export type TierUndo = {
  states: CustomerTierRow[]
  created: string[]
  history_ids: string[]
  /** Congratulations the run queued (withdrawn: not sent yet). */
  message_ids?: string[]
  /** The workflow's event group, whose held tier events are dropped. */
  event_group_id?: string | null
}

/**
 * Evaluates customers against the tiers, set-based and a page at a time:
 * the orders' aggregate and the tier states come through one cursor (or,
 * for given customers, a query per page), the decisions are made in memory
 * (utils/tiers), then per page the moves and their history, the grace
 * marks, the congratulations (`tier_upgraded`, periodic run only: an
 * order's move is texted by the subscriber of its event) and the tier
 * events are written in one statement or call each, so the memory a page
 * takes does not grow with the shop (the result keeps one small row per
 * move). The undo puts the customers it wrote to back, strikes their history
 * rows, withdraws the messages and drops the events not yet out (a run over
 * everyone has announced the pages it wrote).
 */
export const evaluateTiersStep = createStep(
  evaluateTiersStepId,
  async (input: EvaluateTiersStepInput, { container, eventGroupId }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const eventBus = container.resolve(Modules.EVENT_BUS)
    const now = input.now ? new Date(input.now) : new Date()
    const [tiers, settings] = await Promise.all([loadTiers(container), service.retrieveSettings()])
    const rankOf = new Map(tiers.map((t) => [t.id, t.rank]))
    const tierById = new Map(tiers.map((t) => [t.id, t]))
    const forced = input.reason === "tier_deleted"
    const reason = input.reason ?? input.mode
    // Messages go out at the real time (quiet hours), whatever `now` the
    // evaluation measures at; the shop's wording is read once per run.
    const sentAt = new Date()
    let messageSetup: Promise<MessageSetup | null> | undefined
    // A few customers' events wait with the workflow's others and go out
    // when it succeeds. The run over everyone announces each page once its
    // moves are written (each page commits on its own): holding 100,000
    // events until the end would hold them all in memory.
    const groupId = input.customer_ids ? eventGroupId ?? null : null

    const result: EvaluateTiersResult = {
      changes: [],
      upgraded: 0,
      downgraded: 0,
      evaluated: 0,
      grace_marks: 0,
      in_grace: 0,
    }
    const undo: TierUndo = {
      states: [],
      created: [],
      history_ids: [],
      message_ids: [],
      event_group_id: groupId,
    }

    const evaluatePage = async (rows: TierRow[]) => {
      const changes: TierChange[] = []
      const marks: { customer_id: string; below_since: Date | null }[] = []
      for (const { customer_id, stats, state: row } of rows) {
        const state = row ?? { tier_id: null, pinned: false, below_since: null }
        const decision = decideTier(
          forced ? { ...state, pinned: false } : state,
          qualifiedTier(tiers, stats),
          rankOf,
          { mode: input.mode, now, grace_days: settings.tier_grace_days }
        )
        if (decision.to) {
          changes.push({
            customer_id,
            from_tier_id: state.tier_id,
            to_tier_id: decision.to.tier_id,
            reason,
            order_id: input.order_id ?? null,
            pinned: false,
            at: now,
          })
        } else if (decision.below_since !== undefined && row) {
          marks.push({ customer_id, below_since: decision.below_since })
        }
        const graceAfter = decision.to
          ? null
          : decision.below_since !== undefined
            ? decision.below_since
            : state.below_since
        if (graceAfter && !state.pinned) {
          result.in_grace++
        }
      }
      result.evaluated += rows.length

      const applied = withDirection(await service.changeCustomerTiers(changes), rankOf)
      await service.markTierGrace(marks)
      result.grace_marks += marks.length

      // The undo puts back the state of every customer this run wrote to:
      // those it moved and those whose grace it started or ended.
      const touched = new Set([...applied.map((c) => c.customer_id), ...marks.map((m) => m.customer_id)])
      for (const { customer_id, state } of rows) {
        if (!touched.has(customer_id)) {
          continue
        }
        if (state) {
          undo.states.push(state)
        } else {
          undo.created.push(customer_id)
        }
      }
      undo.history_ids.push(...applied.map((c) => c.history_id))
      for (const c of applied) {
        result.changes.push(c)
        if (c.direction === "upgraded") result.upgraded++
        if (c.direction === "downgraded") result.downgraded++
      }

      const upgrades = applied.filter((c) => c.direction === "upgraded" && c.to_tier_id)
      if (reason === "evaluation" && upgrades.length) {
        // Each move is its own message (its history row is the subject).
        messageSetup ??= prepareMessages(container, "tier_upgraded", sentAt)
        const messages = await composeMessages(
          container,
          "tier_upgraded",
          upgrades.map((c) => {
            const tier = tierById.get(c.to_tier_id!)!
            return {
              customer_id: c.customer_id,
              subject: c.history_id,
              tier: tier.name,
              tier_names: tier.names ?? null,
              currency_code: tier.currency_code,
            }
          }),
          sentAt,
          await messageSetup
        )
        undo.message_ids!.push(...(await service.queueMessages(messages)))
      }

      const events = applied
        .filter((c) => c.direction !== "unchanged")
        .map((c) => ({
          name: c.direction === "upgraded" ? LoyaltyTierEvents.UPGRADED : LoyaltyTierEvents.DOWNGRADED,
          data: tierEventPayload(c),
          metadata: groupId ? { eventGroupId: groupId } : {},
        }))
      if (events.length) {
        await eventBus.emit(events)
      }
    }

    if (input.customer_ids) {
      for (let i = 0; i < input.customer_ids.length; i += PAGE) {
        const ids = input.customer_ids.slice(i, i + PAGE)
        const [stats, states] = await Promise.all([
          loadTierStats(container, tiers, now, ids),
          service.listCustomerTierStates(ids),
        ])
        const stateOf = new Map(states.map((s) => [s.customer_id, s]))
        await evaluatePage(
          ids.map((customer_id) => ({
            customer_id,
            stats: stats.get(customer_id),
            state: stateOf.get(customer_id) ?? null,
          }))
        )
      }
    } else {
      await forEachTierPage(container, tiers, now, PAGE, evaluatePage)
    }
    return new StepResponse(result, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    if (undo.event_group_id) {
      const eventBus = container.resolve(Modules.EVENT_BUS)
      await eventBus.clearGroupedEvents(undo.event_group_id, {
        eventNames: [LoyaltyTierEvents.UPGRADED, LoyaltyTierEvents.DOWNGRADED],
      })
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    if (undo.message_ids?.length) {
      await service.withdrawQueuedMessages(undo.message_ids)
    }
    if (undo.history_ids.length || undo.states.length) {
      await service.undoTierChanges(undo)
    }
  }
)
