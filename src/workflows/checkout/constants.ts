import { MathBN } from "@medusajs/framework/utils"

/** The reference of the cart credit line that wallet credit pays. */
export const LOYALTY_CREDIT_LINE_REFERENCE = "loyalty_wallet"

/** What wallet credit paid on an order or a cart: its loyalty credit lines. */
export const walletCreditPaid = (source: {
  credit_lines?: ({ reference?: string | null; amount?: unknown; raw_amount?: unknown } | null)[] | null
}) =>
  MathBN.sum(
    0,
    ...(source.credit_lines ?? [])
      .filter((l) => l?.reference === LOYALTY_CREDIT_LINE_REFERENCE)
      .map((l) => (l!.raw_amount ?? l!.amount) as any)
  )
