import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { RefreshAnalyticsInput, refreshAnalyticsStep } from "../steps"

export const refreshAnalyticsWorkflowId = "loyalty-refresh-analytics"

/**
 * Rebuilds the Loyalty analytics rollups (the nightly job's work, and the
 * admin's "refresh now") in the shop's time zone, and answers when they
 * were built, how long it took, and how many orders and customers they
 * hold.
 *
 * @example
 * const { result } = await refreshAnalyticsWorkflow(container).run({ input: {} })
 * // result: { built_at: "2026-11-30T23:45:12.000Z", duration_ms: 41250, orders: 1000000, customers: 100000 }
 */
export const refreshAnalyticsWorkflow = createWorkflow(
  refreshAnalyticsWorkflowId,
  (input: RefreshAnalyticsInput) => {
    return new WorkflowResponse(refreshAnalyticsStep(input))
  }
)
