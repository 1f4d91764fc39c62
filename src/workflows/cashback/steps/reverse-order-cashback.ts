import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import BigNumberJS from "bignumber.js"
import { ORDER_PAYMENT_FIELDS, orderPaymentTotals, portion } from "../../../utils/order-payments"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const reverseOrderCashbackStepId = "loyalty-reverse-order-cashback"

/** What made an order's cashback (partly) come back. */
export type CashbackTakeBackReason = "canceled" | "returned" | "refunded"

export type CashbackTakeBack = {
  credit_id: string
  transaction_id: string
  /** What this take-back took from the wallet (negative, exact). */
  amount: string
  /** The total to have taken back from the credit after this take-back. */
  target: string
  shortfall: string
  skipped: string
  debt: string
}

/**
 * How much of each cashback credit of an order should have come back, given
 * the order's state: all of it for a canceled order. Otherwise returns come
 * first, per credit, by each returned item's share of it (recorded at the
 * award). A refund counts for the order as a whole: the cashback of the
 * refunded share of what was paid, of which returns already took their
 * part; only what a refund adds beyond the returns is taken, spread over
 * what the returns left. So a return and the refund of the same items take
 * back once.
 */
export function cashbackTakeBackTargets(
  credits: { id: string; amount: string; metadata?: Record<string, any> | null }[],
  order: {
    canceled: boolean
    returned: Map<string, BigNumberJS>
    refunded: BigNumberJS
  }
): Map<string, BigNumberJS> {
  const targets = new Map<string, BigNumberJS>()
  let credited = new BigNumberJS(0)
  let byReturns = new BigNumberJS(0)
  for (const credit of credits) {
    const amount = MathBN.convert(credit.amount)
    credited = MathBN.add(credited, amount)
    if (order.canceled) {
      targets.set(credit.id, amount)
      continue
    }
    const items: Record<string, string> = credit.metadata?.items ?? {}
    let whole = new BigNumberJS(0)
    let back = new BigNumberJS(0)
    for (const [itemId, share_] of Object.entries(items)) {
      whole = MathBN.add(whole, share_)
      back = MathBN.add(back, MathBN.mult(share_, order.returned.get(itemId) ?? 0))
    }
    const target = MathBN.mult(amount, portion(back, whole))
    byReturns = MathBN.add(byReturns, target)
    targets.set(credit.id, target)
  }
  const byRefund = MathBN.mult(credited, order.refunded)
  if (order.canceled || !byRefund.isGreaterThan(byReturns)) {
    return targets
  }
  const spread = portion(MathBN.sub(byRefund, byReturns), MathBN.sub(credited, byReturns))
  for (const credit of credits) {
    const target = targets.get(credit.id)!
    const left = MathBN.sub(credit.amount, target)
    targets.set(credit.id, MathBN.add(target, MathBN.mult(left, spread)))
  }
  return targets
}

/**
 * Takes back what is due of an order's cashback credits, by the shop's
 * clawback strategy. Each take-back is keyed by (credit, target), so a
 * repeated event takes nothing more and a later, larger return takes only
 * the difference. Take-backs are final: there is no undo, and a retry of a
 * failed run completes what is left.
 */
export const reverseOrderCashbackStep = createStep(
  reverseOrderCashbackStepId,
  async (
    input: { order_id: string; reason: CashbackTakeBackReason; note?: string },
    { container }
  ) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const credits = await service.listWalletTransactions(
      {
        type: "credit",
        reference: "order",
        reference_id: { $like: `${input.order_id}:%` },
      },
      { order: { created_at: "ASC" } }
    )
    if (!credits.length) {
      return new StepResponse([] as CashbackTakeBack[])
    }

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "items.id",
        // An order line's quantities live on its detail (the order item).
        "items.detail.quantity",
        "items.detail.return_received_quantity",
        ...ORDER_PAYMENT_FIELDS,
      ],
      filters: { id: input.order_id },
    })
    const { paid, refunded } = orderPaymentTotals(order as any)
    const state = {
      canceled: input.reason === "canceled" || order?.status === "canceled",
      returned: new Map<string, BigNumberJS>(
        ((order as any)?.items ?? []).map((item: any) => [
          item.id,
          portion(item.detail?.return_received_quantity ?? 0, item.detail?.quantity ?? 0),
        ])
      ),
      refunded: portion(refunded, paid),
    }

    const { clawback_strategy } = await service.retrieveSettings()
    const note =
      input.note ??
      { canceled: "Order canceled", returned: "Items returned", refunded: "Order refunded" }[
        input.reason
      ]
    const targets = cashbackTakeBackTargets(credits as any[], state)
    const takeBacks: CashbackTakeBack[] = []
    for (const credit of credits) {
      const target = targets.get(credit.id)!
      if (!target.isGreaterThan(0)) {
        continue
      }
      const result = await service.clawbackCredit({
        transaction_id: credit.id,
        target,
        strategy: clawback_strategy,
        note,
        actor_type: "system",
        metadata: { order_id: input.order_id, reason: input.reason },
      })
      if (result.created && result.transaction) {
        takeBacks.push({
          credit_id: credit.id,
          transaction_id: result.transaction.id,
          amount: result.transaction.amount,
          target: result.transaction.metadata?.target,
          shortfall: result.shortfall,
          skipped: result.skipped,
          debt: result.debt,
        })
      }
    }
    return new StepResponse(takeBacks)
  }
)
