import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CashbackResult } from "../../../utils/cashback-engine"
import {
  CASHBACK_SOURCE_FIELDS,
  creditPaidOf,
  runCashbackEngine,
  StoredCashbackRule,
} from "../cashback-inputs"

export const computeOrderCashbackStepId = "loyalty-compute-order-cashback"

export type OrderCashback = {
  order_id: string
  customer_id: string | null
  currency_code: string
  placed_at: Date | string
  result: CashbackResult
  rules: Record<string, StoredCashbackRule>
}

/**
 * Reads an order and runs the rules engine on it at its placement time.
 * Reads only: nothing to undo.
 */
export const computeOrderCashbackStep = createStep(
  computeOrderCashbackStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph(
      {
        entity: "order",
        fields: [...CASHBACK_SOURCE_FIELDS, "customer_id", "created_at"],
        filters: { id: input.order_id },
      },
      { throwIfKeyNotFound: true }
    )
    const placedAt = new Date(order.created_at as any)
    const { result, rules } = await runCashbackEngine(container, {
      currency_code: order.currency_code,
      sales_channel_id: order.sales_channel_id,
      customer_id: order.customer_id,
      exclude_order_id: order.id,
      lines: (order.items ?? []) as any[],
      credit_paid: creditPaidOf(order as any),
      at: placedAt,
    })
    return new StepResponse<OrderCashback>({
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      currency_code: order.currency_code,
      placed_at: placedAt,
      result,
      rules,
    })
  }
)
