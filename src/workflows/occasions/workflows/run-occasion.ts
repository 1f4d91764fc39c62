import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { OCCASION_EVENTS, OccasionKind } from "../../../utils/occasions"
import { queueMessagesStep } from "../../messages/steps"
import {
  claimOccasionGrantsStep,
  giveOccasionGiftsStep,
  grantDueOccasionsStep,
  recordOccasionGiftsStep,
} from "../steps"

export type RunOccasionInput = {
  kind: OccasionKind
  /** The moment whose shop day is celebrated (default: now). */
  at?: Date | string
  /** Grants given by this run (a page; default 500, 5,000 without a gift); the rest by the next. */
  limit?: number
  /** False: only give grants written before (the pages after the first). */
  grant?: boolean
}

export const runOccasionWorkflowId = "loyalty-run-occasion"

/**
 * One occasion on the shop day of `at`, when it is on: the grants due
 * (written once per customer and period by a database key: two runs at
 * once give once), then a page of them given: the gift (a personal code or
 * a credit lot, keyed by the grant) and the SMS (subject: the grant; quiet
 * hours and opt-out as for every message), and the grant marked given.
 * `runOccasions` runs every occasion and every page.
 *
 * @example
 * const { result } = await runOccasionWorkflow(container).run({ input: { kind: "birthday" } })
 */
export const runOccasionWorkflow = createWorkflow(runOccasionWorkflowId, (input: RunOccasionInput) => {
  const due = grantDueOccasionsStep(input)
  const claim = claimOccasionGrantsStep(
    transform({ due, input }, ({ due, input }) => ({ occasion: due.occasion, limit: input.limit }))
  )
  const gifts = giveOccasionGiftsStep(
    transform({ due, claim, input }, ({ due, claim, input }) => ({ occasion: due.occasion, grants: claim.grants, at: input.at }))
  )
  const messages = queueMessagesStep(
    transform({ due, gifts, input }, ({ due, gifts, input }) => ({
      event: OCCASION_EVENTS[due.occasion.kind],
      items: gifts.items,
      at: input.at,
      gift: due.occasion.gift_type,
    }))
  ).config({ name: "queue-occasion-messages" })
  recordOccasionGiftsStep(transform({ gifts }, ({ gifts }) => ({ records: gifts.records })))
  const result = transform({ due, claim, gifts, messages }, ({ due, claim, gifts, messages }) => ({
    kind: due.occasion.kind,
    enabled: due.occasion.enabled,
    pending: due.pending,
    skipped: due.skipped,
    claimed: claim.grants.length,
    given: gifts.records.filter((r) => r.outcome === "granted").length,
    failed: gifts.records.filter((r) => r.outcome === "gift_failed").length,
    queued: messages.queued as string[],
    more: claim.more,
  }))
  return new WorkflowResponse(result)
})
