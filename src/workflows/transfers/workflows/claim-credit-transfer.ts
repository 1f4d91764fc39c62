import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendOneTimeCodeStep } from "../../pos/steps"
import { signUpMemberWorkflow } from "../../pos/workflows/pos"
import {
  claimCreditTransferStep,
  resolveTransferClaimStep,
  ResolveTransferClaimInput,
  resolveTransferLinkStep,
} from "../steps"

export const claimCreditTransferWorkflowId = "loyalty-claim-credit-transfer"

/**
 * The recipient claims credit sent to their phone, from the claim link.
 * With the one-time code texted to that phone, the phone's member is
 * found or made exactly as at the kiosk sign-up (one member per phone even
 * when racing; a new member gets the sign-up bonus and the welcome SMS);
 * a logged-in member whose phone the club already proved may claim with
 * the link alone. The credit then moves to them in one transaction with
 * the transfer's status, keeping the earliest expiry of the credit sent;
 * a return that got there first leaves nothing to claim (400).
 *
 * @example
 * await claimCreditTransferWorkflow(container).run({ input: { token: "AAAB...", code: "123456" } })
 */
export const claimCreditTransferWorkflow = createWorkflow(
  claimCreditTransferWorkflowId,
  (input: ResolveTransferClaimInput) => {
    const resolved = resolveTransferClaimStep(input)
    const signedUp = when({ resolved }, ({ resolved }) => resolved.proof === "code").then(() =>
      signUpMemberWorkflow.runAsStep({
        input: transform({ input, resolved }, ({ input, resolved }) => ({
          phone: resolved.transfer.recipient_phone,
          code: input.code!,
          customer_id: input.customer_id ?? null,
        })),
      })
    )
    const claim = claimCreditTransferStep(
      transform({ input, resolved, signedUp }, ({ input, resolved, signedUp }) => ({
        transfer_id: resolved.transfer.id,
        customer_id: (signedUp as any)?.member?.customer_id ?? input.customer_id!,
      }))
    )
    return new WorkflowResponse(claim)
  }
)

export const sendTransferClaimCodeWorkflowId = "loyalty-send-transfer-claim-code"

/**
 * Texts the one-time code a claim needs to the transfer's phone, under the
 * sign-up's rules (the shop's countries, per phone, per address and hourly
 * caps: `limited` when one is reached, and nothing is sent). The claimant
 * never types the phone: the link names the transfer.
 *
 * @example
 * await sendTransferClaimCodeWorkflow(container).run({ input: { token: "AAAB...", ip: "10.0.0.1" } })
 */
export const sendTransferClaimCodeWorkflow = createWorkflow(
  sendTransferClaimCodeWorkflowId,
  (input: { token: string; ip?: string | null }) => {
    const transfer = resolveTransferLinkStep(transform({ input }, ({ input }) => ({ token: input.token })))
    const sent = sendOneTimeCodeStep(
      transform({ input, transfer }, ({ input, transfer }) => ({
        phone: transfer.recipient_phone,
        purpose: "signup" as const,
        ip: input.ip ?? null,
      }))
    )
    return new WorkflowResponse(transform({ sent, transfer }, ({ sent, transfer }) => ({ ...sent, transfer })))
  }
)
