import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createTiersStep,
  deleteTiersStep,
  evaluateTiersStep,
  updateTierStep,
  validateTiersStep,
} from "../steps"

export const createTiersWorkflowId = "loyalty-create-tiers"

/**
 * Creates tiers after checking them against the shop's other tiers. Existing
 * customers are placed in a new tier by their next order or the next
 * evaluation (`evaluateTiersWorkflow`, nightly, or "Evaluate now" in the
 * admin).
 *
 * @example
 * await createTiersWorkflow(container).run({
 *   input: { tiers: [{ name: "Gold", rank: 2, currency_code: "irr",
 *     min_spend: "50000000", qualification_window: "rolling", window_days: 365 }] },
 * })
 */
export const createTiersWorkflow = createWorkflow(
  createTiersWorkflowId,
  (input: { tiers: Record<string, any>[] }) => {
    validateTiersStep(transform({ input }, ({ input }) => ({ create: input.tiers })))
    return new WorkflowResponse(createTiersStep(input.tiers))
  }
)

export const updateTierWorkflowId = "loyalty-update-tier"

/**
 * Updates a tier. The update is merged into the stored tier and the whole
 * set of tiers is checked again, so a change cannot leave two tiers
 * overlapping.
 *
 * @example
 * await updateTierWorkflow(container).run({
 *   input: { id: "ltier_123", update: { cashback_rate: "4" } },
 * })
 */
export const updateTierWorkflow = createWorkflow(
  updateTierWorkflowId,
  (input: { id: string; update: Record<string, any> }) => {
    validateTiersStep(transform({ input }, ({ input }) => ({ update: input })))
    return new WorkflowResponse(updateTierStep(input))
  }
)

export const deleteTiersWorkflowId = "loyalty-delete-tiers"

/**
 * Deletes tiers (soft: history keeps its names) and places their members at
 * once where their orders put them, pins included (history reason
 * `tier_deleted`).
 *
 * @example
 * await deleteTiersWorkflow(container).run({ input: { ids: ["ltier_123"] } })
 */
export const deleteTiersWorkflow = createWorkflow(
  deleteTiersWorkflowId,
  (input: { ids: string[] }) => {
    const { member_ids } = deleteTiersStep(input.ids)
    const { changes } = evaluateTiersStep(
      transform({ member_ids }, ({ member_ids }) => ({
        mode: "evaluation" as const,
        reason: "tier_deleted" as const,
        customer_ids: member_ids,
      }))
    )
    return new WorkflowResponse({ changes })
  }
)
