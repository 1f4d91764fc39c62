import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { CreditTransferRow } from "../../../modules/loyalty-club/services/transfers"
import { LoyaltyErrorCode } from "../../../utils/error-codes"
import { readPublicLink } from "../../../utils/receipt-page-links"
import { transferNotClaimable } from "../../../utils/transfer-errors"
import { TRANSFER_LINK_KIND } from "./queue-transfer-messages"

/**
 * The transfer a claim link opens: its signature checked (an altered or
 * foreign token is a 400 naming the link), still pending and inside its
 * claim window (else NOT_ALLOWED, saying why). Shared by the claim page,
 * the store route and the claim workflow.
 */
export async function transferOfLink(container: any, token: unknown, now = new Date()): Promise<CreditTransferRow> {
  const read = readPublicLink(container, TRANSFER_LINK_KIND, token, now)
  if (!read.ok && read.reason !== "expired") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token is not a valid claim link", LoyaltyErrorCode.TRANSFER_LINK_INVALID)
  }
  if (!read.ok) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This credit can no longer be claimed: its claim window closed",
      LoyaltyErrorCode.TRANSFER_NOT_CLAIMABLE
    )
  }
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const transfer = await service.getCreditTransfer(read.id)
  if (transfer.status !== "pending" || new Date(transfer.claim_expires_at) <= now) {
    throw transferNotClaimable(transfer)
  }
  return transfer
}

export type ResolveTransferClaimInput = {
  token: string
  /** The one-time code texted to the transfer's phone. */
  code?: string | null
  /** The logged-in shopper, if any. */
  customer_id?: string | null
}

export const resolveTransferClaimStepId = "loyalty-resolve-transfer-claim"

/**
 * Reads the claim link and decides how the claimant proves the phone: the
 * one-time code (`code`), or, for a logged-in member whose phone the club
 * already proved (its own phone table, never the account's typed phone)
 * and is the transfer's, the link alone (`member`). Anyone else must ask
 * for a code first: a 400 naming `code`. No undo: it writes nothing.
 */
export const resolveTransferClaimStep = createStep(
  resolveTransferClaimStepId,
  async (input: ResolveTransferClaimInput, { container }) => {
    const transfer = await transferOfLink(container, input.token)
    if (input.code) {
      return new StepResponse({ transfer, proof: "code" as "code" | "member" })
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const member = input.customer_id ? await service.retrieveMemberByPhone(transfer.recipient_phone) : undefined
    if (member && member.customer_id === input.customer_id) {
      return new StepResponse({ transfer, proof: "member" as "code" | "member" })
    }
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "code is required: ask for the code texted to the phone the credit was sent to",
      LoyaltyErrorCode.TRANSFER_CODE_REQUIRED
    )
  }
)

export const claimCreditTransferStepId = "loyalty-claim-credit-transfer"

/**
 * Gives the transfer to its recipient (see the facade's
 * `claimCreditTransfer`): the status move and the credit in one
 * transaction, refused when a return took it first. The claim workflow's
 * last step, so it has no undo: nothing after it can fail.
 */
export const claimCreditTransferStep = createStep(
  claimCreditTransferStepId,
  async (input: { transfer_id: string; customer_id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const result = await service.claimCreditTransfer({
      transfer_id: input.transfer_id,
      recipient_customer_id: input.customer_id,
      at: new Date(),
    })
    return new StepResponse(result)
  }
)

export const resolveTransferLinkStepId = "loyalty-resolve-transfer-link"

/** The pending transfer a claim link opens (see `transferOfLink`). No undo: it writes nothing. */
export const resolveTransferLinkStep = createStep(
  resolveTransferLinkStepId,
  async (input: { token: string }, { container }) => {
    return new StepResponse(await transferOfLink(container, input.token))
  }
)
