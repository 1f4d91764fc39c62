// Credit members send to a phone number, as the admin API serves them: the
// list by status, one customer's (sent and received), and sending on a
// member's behalf.
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { api } from "./api"
import { loyaltyKeys } from "./query"

export type TransferStatus = "pending" | "claimed" | "returned"

export const TRANSFER_STATUSES: TransferStatus[] = ["pending", "claimed", "returned"]

type Person = { id: string; first_name: string | null; last_name: string | null; phone?: string | null }

/** One transfer, as GET /admin/loyalty/transfers lists it. */
export type Transfer = {
  id: string
  sender: Person | null
  recipient_phone: string
  /** The member who claimed it; null until then (a new phone has none). */
  recipient: Person | null
  amount: string
  currency_code: string
  status: TransferStatus
  message: string | null
  claim_expires_at: string
  credit_expires_at: string | null
  claimed_at: string | null
  returned_at: string | null
  created_at: string
}

export type SendTransferBody = {
  customer_id: string
  currency_code: string
  amount: string
  phone: string
  message?: string
}

const transferKeys = {
  all: () => [...loyaltyKeys.all, "transfers"] as const,
  list: (status: TransferStatus | "", limit: number, offset: number) =>
    [...transferKeys.all(), "list", status, limit, offset] as const,
  customer: (customerId: string) =>
    [...loyaltyKeys.customer(customerId), "transfers"] as const,
}

/** What a transfer sent from the admin changes: every list of transfers. */
export const transfersRootKey = transferKeys.all

/** A page of transfers, newest first, of one status or all. */
export function useTransfers(status: TransferStatus | "", limit: number, offset: number) {
  return useQuery({
    queryKey: transferKeys.list(status, limit, offset),
    queryFn: () =>
      api<{ transfers: Transfer[]; count: number; limit: number; offset: number }>(
        "/admin/loyalty/transfers",
        { query: { status: status || undefined, limit, offset } }
      ),
    placeholderData: keepPreviousData,
  })
}

/** A customer's transfers, sent and received, newest first. */
export function useCustomerTransfers(customerId: string) {
  return useQuery({
    queryKey: transferKeys.customer(customerId),
    queryFn: () =>
      api<{ transfers: Transfer[] }>(`/admin/loyalty/customers/${customerId}/transfers`),
    select: (data) => data.transfers,
  })
}

/** Sends credit on a member's behalf; `key` is the form's Idempotency-Key. */
export const sendTransfer = ({ body, key }: { body: SendTransferBody; key: string }) =>
  api<{ transfer: Transfer }>("/admin/loyalty/transfers", {
    method: "POST",
    body,
    headers: { "Idempotency-Key": key },
  })

/** A person's name as one line ("Sara Ahmadi"); "" when they have none. */
export const personName = (person: Pick<Person, "first_name" | "last_name"> | null | undefined) =>
  [person?.first_name, person?.last_name].filter((p) => p && p.trim()).join(" ")
