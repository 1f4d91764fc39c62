import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parsePositiveAmount } from "../../../utils/money"
import { ORDER_PAYMENT_FIELDS, orderPaymentTotals } from "../../../utils/order-payments"

export const prepareOrderWalletRefundStepId = "loyalty-prepare-order-wallet-refund"

/**
 * Checks a refund into the wallet against the order: it needs a customer,
 * the amount must be a valid amount in the order's currency, and the most
 * that can go to the wallet is what was paid by card minus card refunds
 * (what earlier wallet refunds took is checked under the wallet lock).
 * Reads only.
 */
export const prepareOrderWalletRefundStep = createStep(
  prepareOrderWalletRefundStepId,
  async (input: { order_id: string; amount: unknown }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "currency_code",
        ...ORDER_PAYMENT_FIELDS,
      ],
      filters: { id: input.order_id },
    })
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }
    if (!order.customer_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order (${order.id}) was placed by a guest: there is no wallet to refund into`
      )
    }
    const amount = parsePositiveAmount(input.amount, order.currency_code, "amount")
    const { paid, refunded } = orderPaymentTotals(order as any)
    return new StepResponse({
      order_id: order.id,
      customer_id: order.customer_id as string,
      currency_code: order.currency_code as string,
      amount: amount.toFixed(),
      refundable: MathBN.sub(paid, refunded).toFixed(),
    })
  }
)
