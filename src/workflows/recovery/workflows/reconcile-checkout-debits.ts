import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ReturnOrphanCheckoutDebitsInput, returnOrphanCheckoutDebitsStep } from "../steps"

export const reconcileCheckoutDebitsWorkflowId = "loyalty-reconcile-checkout-debits"

/**
 * Gives back wallet credit that a checkout took when its cart never became
 * an order: the server completing it died after the validate hook's debit
 * (committed in its own transaction) and before the order, so the undo that
 * would have given it back never ran. Debits older than
 * `reconcile_after_seconds` (longer than core's cart lock), whose cart has
 * no order and no completion running, are reversed under the cart's lock,
 * once. Run every minute by the `loyalty-reconcile-checkout-debits` job.
 *
 * @example
 * const { result } = await reconcileCheckoutDebitsWorkflow(container).run({ input: {} })
 * // result.returned: the debits given back
 */
export const reconcileCheckoutDebitsWorkflow = createWorkflow(
  reconcileCheckoutDebitsWorkflowId,
  (input: ReturnOrphanCheckoutDebitsInput) => {
    const result = returnOrphanCheckoutDebitsStep(input)
    return new WorkflowResponse(result)
  }
)
