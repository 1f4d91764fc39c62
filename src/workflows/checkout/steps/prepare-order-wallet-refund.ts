import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import BigNumberJS from "bignumber.js"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { parsePositiveAmount } from "../../../utils/money"
import { refundablePayments } from "../../../utils/order-payments"
import { LoyaltyErrorCode } from "../../../utils/error-codes"

export const prepareOrderWalletRefundStepId = "loyalty-prepare-order-wallet-refund"

export type OrderWalletRefundPlan = {
  order_id: string
  customer_id: string
  currency_code: string
  amount: string
  reference_id: string
  /** The credit an earlier request with the same key wrote: nothing to do. */
  replay_transaction_id: string | null
  /** How the amount is taken from the order's captured payments. */
  payments: { id: string; amount: string }[]
}

/**
 * Checks a refund into the wallet against the order: it needs a customer,
 * the amount must be a valid amount in the order's currency, and it cannot
 * pass what was captured less every refund so far, to the card or to the
 * wallet (authorised-only and canceled payments count nothing). A repeat
 * of an earlier request's key is found here and does nothing more. Reads
 * only; the refund itself is checked again under the payment's lock.
 */
export const prepareOrderWalletRefundStep = createStep(
  prepareOrderWalletRefundStepId,
  async (input: { order_id: string; amount: unknown; key: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "currency_code",
        "payment_collections.payments.id",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.captures.amount",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: input.order_id },
    })
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`, LoyaltyErrorCode.ORDER_NOT_FOUND)
    }
    if (!order.customer_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order (${order.id}) was placed by a guest: there is no wallet to refund into`,
        LoyaltyErrorCode.ORDER_HAS_NO_CUSTOMER
      )
    }
    const amount = parsePositiveAmount(input.amount, order.currency_code, "amount")
    const referenceId = `${order.id}:${input.key}`
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const [replay] = await service.listWalletTransactions(
      { type: "credit", reference: "order_refund", reference_id: referenceId },
      { select: ["id"] }
    )
    const plan: OrderWalletRefundPlan = {
      order_id: order.id,
      customer_id: order.customer_id as string,
      currency_code: order.currency_code as string,
      amount: amount.toFixed(),
      reference_id: referenceId,
      replay_transaction_id: replay?.id ?? null,
      payments: [],
    }
    if (replay) {
      return new StepResponse(plan)
    }
    const payments = refundablePayments(order as any)
    const refundable = MathBN.sum(0, ...payments.map((p) => p.refundable))
    if (MathBN.gt(amount, refundable)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `amount ${amount.toFixed()} is more than what is left to refund: ${refundable.toFixed()} ${order.currency_code.toUpperCase()}`,
        LoyaltyErrorCode.REFUND_OVER_REFUNDABLE
      )
    }
    let left = amount
    for (const p of payments) {
      const take = BigNumberJS.min(left, p.refundable)
      if (take.isGreaterThan(0)) {
        plan.payments.push({ id: p.id, amount: take.toFixed() })
        left = MathBN.sub(left, take)
      }
    }
    return new StepResponse(plan)
  }
)
