import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { decideCartCreditRefreshStep } from "../steps"
import { applyCartCreditWorkflow } from "./apply-cart-credit"

export const refreshCartCreditWorkflowId = "loyalty-refresh-cart-credit"

/**
 * Keeps wallet credit on a cart right after the cart changed (items,
 * quantities, promotions, shipping): applied again as the shopper asked, so
 * the total never goes below zero and the limits hold; with the shop's
 * `auto_apply`, a logged-in shopper's cart gets the most allowed credit.
 * Run by the `cart.created` / `cart.updated` / `cart.customer_updated`
 * subscriber.
 *
 * @example
 * await refreshCartCreditWorkflow(container).run({ input: { cart_id: "cart_123" } })
 */
export const refreshCartCreditWorkflow = createWorkflow(
  refreshCartCreditWorkflowId,
  (input: { cart_id: string }) => {
    const decision = decideCartCreditRefreshStep(input)
    when({ decision }, ({ decision }) => decision.refresh).then(() => {
      applyCartCreditWorkflow.runAsStep({
        input: transform({ decision, input }, ({ decision, input }) => ({
          cart_id: input.cart_id,
          customer_id: decision.customer_id,
          amount: decision.amount,
        })),
      })
    })
    return new WorkflowResponse(decision)
  }
)
