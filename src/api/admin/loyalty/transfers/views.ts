import { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CreditTransferRow } from "../../../../modules/loyalty-club/services/transfers"
import { LoyaltyErrorCode } from "../../../../utils/error-codes"
import { BusyAnswer } from "../../../utils/pos"

type Person = { id: string; first_name: string | null; last_name: string | null }

/** The customers transfers name (senders and recipients), by id. */
async function peopleOf(container: MedusaContainer, transfers: CreditTransferRow[]) {
  const ids = [
    ...new Set(transfers.flatMap((t) => [t.sender_customer_id, t.recipient_customer_id]).filter(Boolean)),
  ] as string[]
  if (!ids.length) {
    return new Map<string, Person>()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name"],
    filters: { id: ids },
  })
  return new Map((data as any[]).map((c) => [c.id, { id: c.id, first_name: c.first_name ?? null, last_name: c.last_name ?? null }]))
}

/** Transfers as the admin reads them: who sent, to which phone, who claimed, and when each thing happened. */
export async function adminTransferViews(container: MedusaContainer, transfers: CreditTransferRow[]) {
  const people = await peopleOf(container, transfers)
  const person = (id: string | null) => (id ? people.get(id) ?? { id, first_name: null, last_name: null } : null)
  return transfers.map((t) => ({
    id: t.id,
    sender: person(t.sender_customer_id),
    recipient_phone: t.recipient_phone,
    recipient: person(t.recipient_customer_id),
    amount: t.amount,
    currency_code: t.currency_code,
    status: t.status,
    message: t.message,
    created_by_type: t.created_by_type,
    claim_expires_at: t.claim_expires_at,
    credit_expires_at: t.credit_expires_at,
    claimed_at: t.claimed_at,
    returned_at: t.returned_at,
    created_at: t.created_at,
  }))
}

/**
 * Transfers as a member reads them: `sent` ones with the phone they typed
 * (and the recipient's first name once claimed), `received` ones with the
 * sender's first name only. No wallet, ledger or key ids.
 */
export async function shopperTransferViews(
  container: MedusaContainer,
  transfers: CreditTransferRow[],
  customerId: string
) {
  const people = await peopleOf(container, transfers)
  return transfers.map((t) => {
    const sent = t.sender_customer_id === customerId
    return {
      id: t.id,
      direction: sent ? ("sent" as const) : ("received" as const),
      amount: t.amount,
      currency_code: t.currency_code,
      status: t.status,
      message: t.message,
      phone: sent ? t.recipient_phone : null,
      sender_name: sent ? null : people.get(t.sender_customer_id)?.first_name ?? null,
      recipient_name: sent && t.recipient_customer_id ? people.get(t.recipient_customer_id)?.first_name ?? null : null,
      claim_expires_at: t.claim_expires_at,
      credit_expires_at: t.credit_expires_at,
      claimed_at: t.claimed_at,
      returned_at: t.returned_at,
      created_at: t.created_at,
    }
  })
}

/** The `Idempotency-Key` header a transfer request must carry (a 400 naming it otherwise). */
export function transferKey(req: AuthenticatedMedusaRequest): string {
  const key = req.get("idempotency-key")?.trim()
  if (!key) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The Idempotency-Key header is required: a retry with the same key answers the first transfer",
      LoyaltyErrorCode.IDEMPOTENCY_KEY_REQUIRED
    )
  }
  if (key.length > 200) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The Idempotency-Key header must be at most 200 characters",
      LoyaltyErrorCode.IDEMPOTENCY_KEY_REQUIRED
    )
  }
  return key
}

/** The transfer routes' busy answer: another send of the same member still holds its lock. */
export const TRANSFER_BUSY: BusyAnswer = {
  code: LoyaltyErrorCode.TRANSFER_BUSY,
  message: "Another transfer from this member is still being sent; try again in a few seconds",
}
