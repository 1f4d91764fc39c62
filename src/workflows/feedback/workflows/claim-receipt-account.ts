import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { setAuthAppMetadataStep, updateCustomersStep } from "@medusajs/medusa/core-flows"
import { verifyOneTimeCodeStep } from "../../pos/steps"
import { checkAccountClaimStep, createEmailpassIdentityStep } from "../steps"

export type ClaimReceiptAccountInput = {
  customer_id: string
  /** The member's phone, from the club's phone table (never typed by the visitor). */
  phone: string
  code: string
  email: string
  password: string
}

export const claimReceiptAccountWorkflowId = "loyalty-claim-receipt-account"

/**
 * Gives a till-only member an online account from their receipt page: the
 * one-time code texted to the member's own phone proves it is them, then
 * an e-mail and password login (Medusa's `emailpass` provider) is made and
 * linked to the member's customer, which becomes a registered account
 * (`has_account`) with that e-mail. Wallet, tier and purchases stay where
 * they are: the same customer. A wrong, used or expired code is a 400; a
 * later failure undoes the login.
 *
 * @example
 * await claimReceiptAccountWorkflow(container).run({
 *   input: { customer_id: "cus_123", phone: "+989121234567", code: "123456", email: "sara@example.com", password: "..." },
 * })
 */
export const claimReceiptAccountWorkflow = createWorkflow(
  claimReceiptAccountWorkflowId,
  (input: ClaimReceiptAccountInput) => {
    checkAccountClaimStep(input)
    verifyOneTimeCodeStep(
      transform({ input }, ({ input }) => ({ phone: input.phone, purpose: "signup" as const, code: input.code }))
    )
    const identity = createEmailpassIdentityStep(input)
    setAuthAppMetadataStep(
      transform({ identity, input }, ({ identity, input }) => ({
        authIdentityId: identity.auth_identity_id,
        actorType: "customer",
        value: input.customer_id,
      }))
    )
    updateCustomersStep(
      transform({ input }, ({ input }) => ({
        selector: { id: input.customer_id },
        update: { email: input.email, has_account: true },
      }))
    )
    return new WorkflowResponse({ customer_id: input.customer_id })
  }
)
