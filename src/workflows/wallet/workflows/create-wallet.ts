import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  retrieveOrCreateWalletStep,
  validateCustomerExistsStep,
} from "../steps"

export const createWalletWorkflowId = "loyalty-create-wallet"

/**
 * Opens a wallet for a customer in a currency, or returns the one they have.
 *
 * @example
 * const { result } = await createWalletWorkflow(container).run({
 *   input: { customer_id: "cus_123", currency_code: "irr" },
 * })
 */
export const createWalletWorkflow = createWorkflow(
  createWalletWorkflowId,
  (input: { customer_id: string; currency_code: string }) => {
    validateCustomerExistsStep({ customer_id: input.customer_id })
    return new WorkflowResponse(retrieveOrCreateWalletStep(input))
  }
)
