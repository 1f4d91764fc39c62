import { emitEventStep } from "@medusajs/medusa/core-flows"
import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { LoyaltyTierEvents, tierEventPayload } from "../events"
import { AppliedTierChange } from "../steps"

const payload = (changes: AppliedTierChange[], direction: AppliedTierChange["direction"]) =>
  changes.filter((c) => c.direction === direction).map(tierEventPayload)

/**
 * Announces tier moves: `loyalty.tier.upgraded` and
 * `loyalty.tier.downgraded`, one event per customer (a pin to the tier a
 * customer already had announces nothing). `prefix` keeps the step names
 * unique within a workflow. (The evaluation announces its own moves, page by
 * page, from its step.)
 */
export function emitTierEvents(
  changes: WorkflowData<AppliedTierChange[]> | AppliedTierChange[],
  prefix: string
) {
  emitEventStep({
    eventName: LoyaltyTierEvents.UPGRADED,
    data: transform({ changes }, ({ changes }) => payload(changes, "upgraded")),
  }).config({ name: `${prefix}-emit-tier-upgraded` })
  emitEventStep({
    eventName: LoyaltyTierEvents.DOWNGRADED,
    data: transform({ changes }, ({ changes }) => payload(changes, "downgraded")),
  }).config({ name: `${prefix}-emit-tier-downgraded` })
}
