import {
  ContainerRegistrationKeys,
  MathBN,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import {
  CashbackResult,
  CashbackRule,
  computeCashback,
} from "../../../utils/cashback-engine"

export const computeOrderCashbackStepId = "loyalty-compute-order-cashback"

export type OrderCashback = {
  order_id: string
  customer_id: string | null
  currency_code: string
  placed_at: Date | string
  result: CashbackResult
  rules: Record<string, CashbackRule & { expires_after_days?: number | null; release?: string; hold_days?: number | null }>
}

/**
 * Reads an order with what the rules need (product categories, collection,
 * type, tags, customer groups, earlier orders, credit lines) and runs the
 * rules engine on it. Reads only: nothing to undo.
 */
export const computeOrderCashbackStep = createStep(
  computeOrderCashbackStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const {
      data: [order],
    } = await query.graph(
      {
        entity: "order",
        fields: [
          "id",
          "currency_code",
          "customer_id",
          "sales_channel_id",
          "created_at",
          // Asking for an order total makes the order module compute the
          // line totals below; without it they are not returned.
          "subtotal",
          "items.id",
          "items.product_id",
          "items.subtotal",
          "items.discount_subtotal",
          "credit_lines.amount",
        ],
        filters: { id: input.order_id },
      },
      { throwIfKeyNotFound: true }
    )
    // Line totals are computed by the order module only when the query stays
    // inside it, so products and customer groups are read separately.
    const items = (order.items ?? []) as any[]
    const productIds = Array.from(
      new Set(items.map((i) => i.product_id).filter(Boolean))
    )
    const { data: products } = productIds.length
      ? await query.graph({
          entity: "product",
          fields: ["id", "collection_id", "type_id", "categories.id", "tags.id"],
          filters: { id: productIds },
        })
      : { data: [] as any[] }
    const productById = new Map(products.map((p: any) => [p.id, p]))
    let groupIds: string[] = []

    let previousOrders = 0
    if (order.customer_id) {
      const { data: customers } = await query.graph({
        entity: "customer",
        fields: ["id", "groups.id"],
        filters: { id: order.customer_id },
      })
      groupIds = ((customers[0] as any)?.groups ?? []).map((g: any) => g.id)
      const { metadata } = await query.graph({
        entity: "order",
        fields: ["id"],
        filters: { customer_id: order.customer_id, id: { $ne: order.id } },
        pagination: { take: 1, skip: 0 },
      })
      previousOrders = metadata?.count ?? 0
    }

    const rules = (await service.listCashbackRules({
      is_active: true,
    })) as unknown as OrderCashback["rules"][string][]
    const creditPaid = MathBN.sum(
      0,
      ...((order.credit_lines ?? []) as any[]).map((c) => c.amount ?? 0)
    )

    const result = computeCashback(
      {
        currency_code: order.currency_code,
        sales_channel_id: order.sales_channel_id,
        credit_paid: creditPaid.toFixed(),
        items: items.map((item) => {
          const product: any = productById.get(item.product_id)
          return {
          id: item.id,
          product_id: item.product_id,
          category_ids: (product?.categories ?? []).map((c: any) => c.id),
          collection_id: product?.collection_id ?? null,
          type_id: product?.type_id ?? null,
          tag_ids: (product?.tags ?? []).map((t: any) => t.id),
          subtotal: MathBN.convert(item.subtotal ?? 0).toFixed(),
          discount_total: MathBN.convert(item.discount_subtotal ?? 0).toFixed(),
          }
        }),
      },
      {
        customer_id: order.customer_id,
        group_ids: groupIds,
        previous_orders: previousOrders,
      },
      rules,
      { now: new Date(order.created_at as any) }
    )

    return new StepResponse<OrderCashback>({
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      currency_code: order.currency_code,
      placed_at: new Date(order.created_at as any),
      result,
      rules: Object.fromEntries(rules.map((r) => [r.id, r])),
    })
  }
)
