import Medusa from "@medusajs/js-sdk"

// The admin runs on the same origin as the API and is logged in by session.
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})

export type WalletBalance = {
  available: string
  pending: string
  expiring_soon: string
  expiring_within_days: number
  next_expiry_at: string | null
}

export type Wallet = {
  id: string
  customer_id: string
  currency_code: string
  status: "active" | "frozen"
  balance: WalletBalance
}

export type WalletTransaction = {
  id: string
  type: "credit" | "debit" | "expiry" | "reversal" | "adjustment"
  amount: string
  note: string | null
  reference: string
  reference_id: string
  created_at: string
}

/**
 * Formats an exact decimal string as money. Intl.NumberFormat accepts decimal
 * strings and formats them without going through a float.
 */
export function formatMoney(amount: string, currencyCode: string) {
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
    currencyDisplay: "code",
  }).format(amount as unknown as number)
}

export function errorMessage(error: unknown) {
  return (error as { message?: string })?.message ?? "Something went wrong"
}
