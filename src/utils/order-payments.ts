import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"

/** The order fields `orderPaymentTotals` reads (for query.graph). */
export const ORDER_PAYMENT_FIELDS = [
  "payment_collections.payments.amount",
  "payment_collections.payments.refunds.amount",
]

/**
 * What an order's payments came to and what was refunded of them, exact.
 * Amounts are as authorised at completion, so later order changes do not
 * move them.
 */
export function orderPaymentTotals(order: {
  payment_collections?: { payments?: { amount?: unknown; refunds?: { amount?: unknown }[] | null }[] | null }[] | null
} | null | undefined): { paid: BigNumberJS; refunded: BigNumberJS } {
  const payments = (order?.payment_collections ?? []).flatMap((pc) => pc?.payments ?? [])
  return {
    paid: MathBN.sum(0, ...payments.map((p) => (p.amount ?? 0) as any)),
    refunded: MathBN.sum(
      0,
      ...payments.flatMap((p) => (p.refunds ?? []).map((r) => (r.amount ?? 0) as any))
    ),
  }
}

/**
 * `part / whole` capped at 1, and 0 when there is no whole: the share of an
 * order that came back (returned, refunded).
 */
export function portion(part: BigNumberInput, whole: BigNumberInput): BigNumberJS {
  return MathBN.gt(whole, 0)
    ? BigNumberJS.min(MathBN.div(part, whole), 1)
    : new BigNumberJS(0)
}

/**
 * An order's payments that can still be refunded, each with what is left:
 * captured less every refund (to the card or to the wallet). A payment that
 * was only authorised, or canceled, has nothing to refund.
 */
export function refundablePayments(order: {
  payment_collections?: {
    payments?: {
      id: string
      canceled_at?: unknown
      captures?: { amount?: unknown }[] | null
      refunds?: { amount?: unknown }[] | null
    }[] | null
  }[] | null
} | null | undefined): { id: string; refundable: BigNumberJS }[] {
  return (order?.payment_collections ?? [])
    .flatMap((pc) => pc?.payments ?? [])
    .filter((p) => !p.canceled_at)
    .map((p) => ({
      id: p.id,
      refundable: MathBN.sub(
        MathBN.sum(0, ...(p.captures ?? []).map((c) => (c.amount ?? 0) as any)),
        MathBN.sum(0, ...(p.refunds ?? []).map((r) => (r.amount ?? 0) as any))
      ),
    }))
    .filter((p) => p.refundable.isGreaterThan(0))
}
