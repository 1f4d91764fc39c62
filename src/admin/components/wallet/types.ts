import type { WalletBalance } from "../../lib/client"

export type WalletStatus = "active" | "frozen"

/** A wallet as GET /admin/loyalty/wallets answers it. */
export type Wallet = {
  id: string
  customer_id: string
  currency_code: string
  status: WalletStatus
  /** Why the status last changed (a freeze's reason), when and by which admin. */
  status_reason?: string | null
  status_changed_at?: string | null
  status_changed_by?: string | null
  balance: WalletBalance
}

export type LedgerType = "credit" | "debit" | "expiry" | "reversal" | "adjustment"

/** One row of a wallet's ledger; `amount` is signed. */
export type LedgerEntry = {
  id: string
  type: LedgerType
  amount: string
  reference: string
  reference_id: string
  note: string | null
  created_at: string
}

/** A page of GET /admin/loyalty/wallets/:id/transactions. */
export type LedgerPage = {
  transactions: LedgerEntry[]
  count: number
  offset: number
  limit: number
}
