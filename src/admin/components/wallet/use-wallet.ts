import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { api } from "../../lib/api"
import { loyaltyKeys } from "../../lib/query"
import { LedgerPage, Wallet } from "./types"

/** Rows per page of the wallet's history. */
export const LEDGER_PAGE_SIZE = 10

/** A customer's wallets (one per currency), with their balances. */
export function useCustomerWallets(customerId: string) {
  return useQuery({
    queryKey: loyaltyKeys.walletsOf(customerId),
    queryFn: () =>
      api<{ wallets: Wallet[] }>("/admin/loyalty/wallets", {
        query: { customer_id: customerId, limit: 50 },
      }),
    select: (data) => data.wallets,
  })
}

/** One page (from 0) of a wallet's history, newest first; the last page stays on screen while the next loads. */
export function useWalletLedger(walletId: string | undefined, page: number) {
  return useQuery({
    queryKey: loyaltyKeys.walletLedger(walletId ?? "", page),
    queryFn: () =>
      api<LedgerPage>(`/admin/loyalty/wallets/${walletId}/transactions`, {
        query: { limit: LEDGER_PAGE_SIZE, offset: page * LEDGER_PAGE_SIZE },
      }),
    enabled: !!walletId,
    placeholderData: keepPreviousData,
  })
}
