import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { retrieveOrCreateWalletStep } from "../../wallet/steps"
import { LoyaltyCashbackEvents } from "../events"
import { computeOrderCashbackStep, creditOrderCashbackStep } from "../steps"

export const awardOrderCashbackWorkflowId = "loyalty-award-order-cashback"

/**
 * Computes an order's cashback with the shop's rules and credits it to the
 * customer's wallet in the order's currency, one lot per rule (pending until
 * the rule's release). Guests earn nothing. Safe to run twice for one order.
 * Emits `loyalty.cashback.awarded`.
 *
 * @example
 * await awardOrderCashbackWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const awardOrderCashbackWorkflow = createWorkflow(
  awardOrderCashbackWorkflowId,
  (input: { order_id: string }) => {
    const cashback = computeOrderCashbackStep(input)
    const credits = when({ cashback }, ({ cashback }) =>
      !!cashback.customer_id && cashback.result.rules.length > 0
    ).then(() => {
      const walletInput = transform({ cashback }, ({ cashback }) => ({
        customer_id: cashback.customer_id!,
        currency_code: cashback.currency_code,
      }))
      const { wallet } = retrieveOrCreateWalletStep(walletInput)
      const credits = creditOrderCashbackStep(
        transform({ wallet, cashback }, ({ wallet, cashback }) => ({
          wallet_id: wallet.id,
          cashback,
        }))
      )
      emitEventStep({
        eventName: LoyaltyCashbackEvents.AWARDED,
        data: transform({ cashback, wallet }, ({ cashback, wallet }) => ({
          order_id: cashback.order_id,
          customer_id: cashback.customer_id,
          wallet_id: wallet.id,
          amount: cashback.result.total,
          currency_code: cashback.currency_code,
        })),
      })
      return credits
    })
    return new WorkflowResponse({ cashback, credits })
  }
)
