import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { creditWalletStep, retrieveOrCreateWalletStep } from "../../wallet/steps"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyWalletEvents } from "../../wallet/events"
import { prepareOrderWalletRefundStep } from "../steps"

export const refundOrderToWalletWorkflowId = "loyalty-refund-order-to-wallet"

/**
 * Refunds an amount of an order into the customer's wallet instead of the
 * card: a credit in the order's currency with reference
 * (`order_refund`, `<order_id>:<key>`). All wallet refunds of an order
 * together cannot pass what was paid by card minus card refunds (checked
 * under the wallet lock). The undo reverses the credit.
 *
 * @example
 * await refundOrderToWalletWorkflow(container).run({
 *   input: { order_id: "order_123", amount: "500000", key: "refund-1" },
 * })
 */
export const refundOrderToWalletWorkflow = createWorkflow(
  refundOrderToWalletWorkflowId,
  (input: {
    order_id: string
    amount: unknown
    key: string
    note?: string | null
    actor_type?: string | null
    actor_id?: string | null
  }) => {
    const refund = prepareOrderWalletRefundStep(input)
    const { wallet } = retrieveOrCreateWalletStep(
      transform({ refund }, ({ refund }) => ({
        customer_id: refund.customer_id,
        currency_code: refund.currency_code,
      }))
    )
    const result = creditWalletStep(
      transform({ refund, wallet, input }, ({ refund, wallet, input }) => ({
        wallet_id: wallet.id,
        amount: refund.amount,
        reference: "order_refund",
        reference_id: `${refund.order_id}:${input.key}`,
        note: input.note ?? `Refund of order ${refund.order_id} into the wallet`,
        actor_type: input.actor_type ?? "user",
        actor_id: input.actor_id ?? null,
        metadata: { order_id: refund.order_id },
        cap: { reference_id_prefix: `${refund.order_id}:`, total: refund.refundable },
      }))
    )
    emitEventStep({
      eventName: LoyaltyWalletEvents.CREDITED,
      data: transform({ result, refund }, ({ result, refund }) => ({
        id: result.transaction.id,
        wallet_id: result.transaction.wallet_id,
        order_id: refund.order_id,
      })),
    })
    return new WorkflowResponse(result)
  }
)
