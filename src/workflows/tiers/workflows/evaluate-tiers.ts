import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { validateCustomerExistsStep } from "../../wallet/steps/validate-customer-exists"
import { evaluateTiersStep, SetCustomerTierInput, setCustomerTierStep } from "../steps"
import { emitTierEvents } from "./emit-tier-events"

export const evaluateTiersWorkflowId = "loyalty-evaluate-tiers"

/**
 * The periodic evaluation, set-based: every customer with orders or a tier
 * is measured against the tiers in one pass over the orders. Up at once;
 * below their tier, customers keep it for the shop's grace period
 * (`tier_grace_days`, counted from the first evaluation that finds them
 * below), then move down. Pinned customers stay. Emits
 * `loyalty.tier.upgraded` / `loyalty.tier.downgraded`.
 *
 * @example
 * await evaluateTiersWorkflow(container).run({ input: {} })
 */
export const evaluateTiersWorkflow = createWorkflow(
  evaluateTiersWorkflowId,
  (input: { now?: Date | string; customer_ids?: string[] }) => {
    const result = evaluateTiersStep(
      transform({ input }, ({ input }) => ({ mode: "evaluation" as const, ...input }))
    )
    return new WorkflowResponse(result)
  }
)

export const upgradeCustomerTierWorkflowId = "loyalty-upgrade-customer-tier"

/**
 * After an order: lifts its customer at once when their orders now qualify
 * for a higher tier (never down; that waits for the evaluation). Guests and
 * pinned customers are left alone. Safe to run twice for one order.
 * Emits `loyalty.tier.upgraded` (its subscriber texts the customer).
 *
 * @example
 * await upgradeCustomerTierWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const upgradeCustomerTierWorkflow = createWorkflow(
  upgradeCustomerTierWorkflowId,
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "customer_id"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const result = when({ orders }, ({ orders }) => !!orders[0]?.customer_id).then(() => {
      const result = evaluateTiersStep(
        transform({ orders }, ({ orders }) => ({
          mode: "order" as const,
          customer_ids: [orders[0].customer_id as string],
          order_id: orders[0].id,
        }))
      )
      return result
    })
    return new WorkflowResponse({ result })
  }
)

export const setCustomerTierWorkflowId = "loyalty-set-customer-tier"

/**
 * Pins a customer to a tier with a note, or unpins them (they then take the
 * tier their orders give at once). Emits the tier events when the rank moves.
 *
 * @example
 * await setCustomerTierWorkflow(container).run({
 *   input: { customer_id: "cus_123", pinned: true, tier_id: "ltier_gold", note: "VIP" },
 * })
 */
export const setCustomerTierWorkflow = createWorkflow(
  setCustomerTierWorkflowId,
  (input: SetCustomerTierInput) => {
    validateCustomerExistsStep({ customer_id: input.customer_id })
    const result = setCustomerTierStep(input)
    emitTierEvents(result.changes, "set-customer-tier")
    return new WorkflowResponse(result)
  }
)
