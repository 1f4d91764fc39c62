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
 * the rule's release). Guests earn nothing. An order's cashback is decided
 * once: a second run (a replayed order.placed, a backfill) pays nothing for
 * an order that already has cashback, whatever the rules say now. Emits
 * `loyalty.cashback.awarded` when it credited something.
 *
 * @example
 * await awardOrderCashbackWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const awardOrderCashbackWorkflow = createWorkflow(
  awardOrderCashbackWorkflowId,
  (input: { order_id: string }) => {
    const cashback = computeOrderCashbackStep(input)
    const awarded = when(
      "loyalty-award-cashback-credit",
      { cashback },
      ({ cashback }) =>
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
      return transform({ wallet, credits }, ({ wallet, credits }) => ({
        wallet_id: wallet.id as string,
        credits,
      }))
    })
    // A run that credited nothing new (decided before) announces nothing:
    // the awarded message went out with the first run.
    when(
      "loyalty-award-cashback-announce",
      { awarded },
      ({ awarded }) => !!awarded?.credits.some((c) => c.created)
    ).then(() => {
      emitEventStep({
        eventName: LoyaltyCashbackEvents.AWARDED,
        data: transform({ cashback, awarded }, ({ cashback, awarded }) => ({
          order_id: cashback.order_id,
          customer_id: cashback.customer_id,
          wallet_id: awarded!.wallet_id,
          amount: cashback.result.total,
          currency_code: cashback.currency_code,
        })),
      })
    })
    const credits = transform({ awarded }, ({ awarded }) => awarded?.credits)
    return new WorkflowResponse({ cashback, credits })
  }
)
