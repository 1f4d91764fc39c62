import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OrderWalletRefundPlan } from "./prepare-order-wallet-refund"
import { LoyaltyErrorCode } from "../../../utils/error-codes"

export const refundOrderPaymentsToWalletStepId = "loyalty-refund-order-payments-to-wallet"

/**
 * Records the refund on the order's payments, as a card refund would be,
 * without calling the payment provider: the money goes to the wallet. Each
 * refund goes through the payment module's own check under the payment's
 * row lock, the same lock a card refund takes, so a card refund and a
 * wallet refund together never pass what was captured. The order gets a
 * refund transaction per payment refund. The undo deletes both.
 */
export const refundOrderPaymentsToWalletStep = createStep(
  refundOrderPaymentsToWalletStepId,
  async (plan: OrderWalletRefundPlan, { container }) => {
    const payment = container.resolve(Modules.PAYMENT) as any
    const order = container.resolve(Modules.ORDER) as any
    const refunds: { id: string; payment_id: string; payment_collection_id: string; amount: string }[] = []
    const undo = { refund_ids: [] as string[], collection_ids: [] as string[], transaction_ids: [] as string[] }
    try {
      for (const p of plan.payments) {
        const [current] = await payment.listPayments(
          { id: p.id },
          { select: ["id", "amount", "currency_code", "payment_collection_id"] }
        )
        // The module's locked check: it refuses when a card refund took the
        // room meanwhile. `refundPayment` would also call the provider.
        const refund = await payment.refundPayment_(current, {
          payment_id: p.id,
          amount: p.amount,
          note: "Refunded to the loyalty wallet",
          metadata: { loyalty_wallet_refund: plan.reference_id },
        })
        undo.refund_ids.push(refund.id)
        undo.collection_ids.push(current.payment_collection_id)
        refunds.push({
          id: refund.id,
          payment_id: p.id,
          payment_collection_id: current.payment_collection_id,
          amount: p.amount,
        })
      }
      for (const id of new Set(undo.collection_ids)) {
        await payment.maybeUpdatePaymentCollection_(id)
      }
      if (refunds.length) {
        const created = await order.addOrderTransactions(
          refunds.map((r) => ({
            order_id: plan.order_id,
            amount: MathBN.convert(r.amount).negated(),
            currency_code: plan.currency_code,
            reference: "refund",
            reference_id: r.id,
          })) as any
        )
        undo.transaction_ids.push(...(created as unknown as { id: string }[]).map((t) => t.id))
      }
    } catch (error: any) {
      await undoPaymentRefunds(undo, container)
      if (error?.message === "You cannot refund more than what is captured on the payment.") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `amount ${plan.amount} is more than what is left to refund: another refund of this order came first`,
          LoyaltyErrorCode.REFUND_OVER_REFUNDABLE
        )
      }
      throw error
    }
    return new StepResponse(refunds, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await undoPaymentRefunds(undo, container)
  }
)

export const assertWalletRefundWrittenStepId = "loyalty-assert-wallet-refund-written"

/**
 * Fails the run (undoing its payment refunds) when its wallet credit was
 * not written because a concurrent request with the same key wrote it
 * first. A plain repeat after the first finished is not a failure.
 */
export const assertWalletRefundWrittenStep = createStep(
  assertWalletRefundWrittenStepId,
  async ({ result, plan }: { result: { created: boolean }; plan: OrderWalletRefundPlan }) => {
    if (!result.created && !plan.replay_transaction_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `A refund of order (${plan.order_id}) with this Idempotency-Key is already being written: try again`
      )
    }
  }
)

async function undoPaymentRefunds(
  undo: { refund_ids: string[]; collection_ids: string[]; transaction_ids: string[] },
  container: any
) {
  const payment = container.resolve(Modules.PAYMENT) as any
  if (undo.transaction_ids.length) {
    await container.resolve(Modules.ORDER).deleteOrderTransactions(undo.transaction_ids)
  }
  if (undo.refund_ids.length) {
    await payment.deleteRefunds(undo.refund_ids)
  }
  for (const id of new Set(undo.collection_ids)) {
    await payment.maybeUpdatePaymentCollection_(id)
  }
}
