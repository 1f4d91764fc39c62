import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { PaymentEvents } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { creditWalletStep, retrieveOrCreateWalletStep } from "../../wallet/steps"
import { LoyaltyWalletEvents } from "../../wallet/events"
import {
  assertWalletRefundWrittenStep,
  prepareOrderWalletRefundStep,
  refundOrderPaymentsToWalletStep,
} from "../steps"

export const refundOrderToWalletWorkflowId = "loyalty-refund-order-to-wallet"

/**
 * Refunds an amount of an order into the customer's wallet instead of the
 * card. The refund is recorded on the order's captured payments as a card
 * refund would be (under the payment's lock, so card and wallet refunds
 * together never pass what was captured; the provider is not called), then
 * credited to the wallet in the order's currency with reference
 * (`order_refund`, `<order_id>:<key>`): a repeated key returns the first
 * credit. `payment.refunded` follows, so the refund takes back its share of
 * cashback as a card refund does. The undo deletes the payment refunds and
 * reverses the credit.
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
    const plan = prepareOrderWalletRefundStep(input)
    const refunds = refundOrderPaymentsToWalletStep(plan)
    const { wallet } = retrieveOrCreateWalletStep(
      transform({ plan }, ({ plan }) => ({
        customer_id: plan.customer_id,
        currency_code: plan.currency_code,
      }))
    )
    // A replayed key finds the first credit here (the payments were left
    // alone above); a concurrent twin that loses the key's race fails at
    // the credit and its payment refunds are undone.
    const result = creditWalletStep(
      transform({ plan, wallet, input, refunds }, ({ plan, wallet, input, refunds }) => ({
        wallet_id: wallet.id,
        amount: plan.amount,
        reference: "order_refund",
        reference_id: plan.reference_id,
        note: input.note ?? `Refund of order ${plan.order_id} into the wallet`,
        actor_type: input.actor_type ?? "user",
        actor_id: input.actor_id ?? null,
        metadata: { order_id: plan.order_id, refund_ids: refunds.map((r) => r.id) },
      }))
    )
    assertWalletRefundWrittenStep({ result, plan })
    when({ result }, ({ result }) => result.created).then(() => {
      emitEventStep({
        eventName: LoyaltyWalletEvents.CREDITED,
        data: transform({ result, plan }, ({ result, plan }) => ({
          id: result.transaction.id,
          wallet_id: result.transaction.wallet_id,
          order_id: plan.order_id,
        })),
      }).config({ name: "emit-wallet-credited" })
      emitEventStep({
        eventName: PaymentEvents.REFUNDED,
        data: transform({ refunds }, ({ refunds }) =>
          [...new Set(refunds.map((r) => r.payment_id))].map((id) => ({ id }))
        ),
      }).config({ name: "emit-payment-refunded" })
    })
    return new WorkflowResponse(result)
  }
)
