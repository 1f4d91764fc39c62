import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyScoreEvents } from "../events"
import { ScoreCustomersInput, scoreCustomersStep } from "../steps"

export const scoreCustomersWorkflowId = "loyalty-score-customers"

/**
 * Scores every customer (the nightly job's work, and the admin's "score
 * now"): recency, frequency, monetary and length of membership 1-5 by
 * quintiles, the named RFM segment, the channel mix and the top three
 * categories by spend, over all counted orders online and at the till.
 * Emits `loyalty.scores.refreshed` with `{ scored_at }` once the scores
 * are committed, so automations read the new segments.
 *
 * @example
 * const { result } = await scoreCustomersWorkflow(container).run({ input: {} })
 * // result: { scored: 100000, duration_ms: 9120, scored_at: "2026-11-30T21:00:00.000Z" }
 */
export const scoreCustomersWorkflow = createWorkflow(scoreCustomersWorkflowId, (input: ScoreCustomersInput) => {
  const result = scoreCustomersStep(input)
  emitEventStep({
    eventName: LoyaltyScoreEvents.REFRESHED,
    data: transform({ result }, ({ result }) => ({ scored_at: result.scored_at })),
  })
  return new WorkflowResponse(result)
})
