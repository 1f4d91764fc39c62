import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MathBN,
} from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import {
  CashbackResult,
  CashbackRule,
  computeCashback,
} from "../../utils/cashback-engine"

/**
 * The fields of an order or a cart the engine reads. Asking for `subtotal`
 * makes the order and cart modules compute the line totals; without it they
 * are not returned.
 */
export const CASHBACK_SOURCE_FIELDS = [
  "id",
  "currency_code",
  "sales_channel_id",
  "subtotal",
  "items.id",
  "items.product_id",
  "items.subtotal",
  "items.discount_subtotal",
  "credit_lines.amount",
]

/** What the shopper paid with credit lines on an order or a cart. */
export const creditPaidOf = (source: { credit_lines?: { amount?: unknown }[] | null }) =>
  MathBN.sum(0, ...(source.credit_lines ?? []).map((c) => (c.amount as any) ?? 0)).toFixed()

export type CashbackLine = {
  id: string
  product_id?: string | null
  subtotal: unknown
  discount_subtotal?: unknown
}

// Scopes that need the product's categories, collection, type or tags.
const PRODUCT_DATA_SCOPES = [
  "category_ids",
  "collection_ids",
  "type_ids",
  "tag_ids",
  "exclude_category_ids",
  "exclude_collection_ids",
  "exclude_type_ids",
  "exclude_tag_ids",
] as const

export type StoredCashbackRule = CashbackRule & {
  expires_after_days?: number | null
  release?: string
  hold_days?: number | null
}

/**
 * Gathers what the rules engine needs about an order, a cart or a product
 * page (product categories, collection, type and tags; the customer's groups
 * and earlier orders; the active rules) and runs it. Shared by the award and
 * the preview so both compute the same cashback.
 */
export async function runCashbackEngine(
  container: MedusaContainer,
  input: {
    currency_code: string
    sales_channel_id?: string | null
    customer_id?: string | null
    exclude_order_id?: string
    lines: CashbackLine[]
    credit_paid?: unknown
    at: Date
  }
): Promise<{ result: CashbackResult; rules: Record<string, StoredCashbackRule> }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: LoyaltyClubModuleService =
    container.resolve(LOYALTY_CLUB_MODULE)

  const [rules, settings] = await Promise.all([
    service.listCashbackRules({ is_active: true }) as unknown as Promise<StoredCashbackRule[]>,
    service.retrieveSettings(),
  ])
  // Read only what some active rule looks at: most shops scope by product
  // and never by customer group, and each read is a query on the order path.
  const needsProducts = rules.some((r) =>
    PRODUCT_DATA_SCOPES.some((key) => !!r.scope?.[key]?.length)
  )
  const needsGroups = rules.some((r) => !!r.customer_group_ids?.length)
  const needsOrders = rules.some((r) => (r.min_previous_orders ?? 0) > 0)
  const segmentIds = Array.from(new Set(rules.flatMap((r) => r.segment_ids ?? [])))
  const needsTier = rules.some(
    (r) => !!r.tier_ids?.length || !!r.use_tier_rate || !!r.use_tier_multiplier
  )

  const productIds = needsProducts
    ? (Array.from(new Set(input.lines.map((l) => l.product_id).filter(Boolean))) as string[])
    : []
  const [products, groupIds, previousOrders, tier, segmentsIn] = await Promise.all([
    productIds.length
      ? query
          .graph({
            entity: "product",
            fields: ["id", "collection_id", "type_id", "categories.id", "tags.id"],
            filters: { id: productIds },
          })
          .then(({ data }) => data as any[])
      : Promise.resolve([] as any[]),
    input.customer_id && needsGroups
      ? query
          .graph({
            entity: "customer",
            fields: ["id", "groups.id"],
            filters: { id: input.customer_id },
          })
          .then(({ data }) => ((data[0] as any)?.groups ?? []).map((g: any) => g.id) as string[])
      : Promise.resolve([] as string[]),
    input.customer_id && needsOrders
      ? query
          .graph({
            entity: "order",
            fields: ["id"],
            filters: {
              customer_id: input.customer_id,
              ...(input.exclude_order_id ? { id: { $ne: input.exclude_order_id } } : {}),
            },
            pagination: { take: 1, skip: 0 },
          })
          .then(({ metadata }) => metadata?.count ?? 0)
      : Promise.resolve(0),
    input.customer_id && needsTier
      ? tierAt(service, input.customer_id, input.at)
      : Promise.resolve(null),
    // Evaluated live, one statement for all the segments the rules name; a
    // guest is in none.
    input.customer_id && segmentIds.length
      ? service.customerSegmentIds(input.customer_id, segmentIds)
      : Promise.resolve([] as string[]),
  ])
  const productById = new Map(products.map((p: any) => [p.id, p]))

  const result = computeCashback(
    {
      currency_code: input.currency_code,
      sales_channel_id: input.sales_channel_id,
      credit_paid: MathBN.convert((input.credit_paid as any) ?? 0).toFixed(),
      items: input.lines.map((line) => {
        const product: any = productById.get(line.product_id ?? "")
        return {
          id: line.id,
          product_id: line.product_id,
          category_ids: (product?.categories ?? []).map((c: any) => c.id),
          collection_id: product?.collection_id ?? null,
          type_id: product?.type_id ?? null,
          tag_ids: (product?.tags ?? []).map((t: any) => t.id),
          subtotal: MathBN.convert((line.subtotal as any) ?? 0).toFixed(),
          discount_total: MathBN.convert((line.discount_subtotal as any) ?? 0).toFixed(),
        }
      }),
    },
    {
      customer_id: input.customer_id,
      group_ids: groupIds,
      previous_orders: previousOrders,
      tier_id: tier?.id ?? null,
      tier,
      segment_ids: segmentsIn,
    },
    rules,
    { now: input.at, include_credit_paid: settings.include_credit_paid }
  )
  return { result, rules: Object.fromEntries(rules.map((r) => [r.id, r])) }
}

/**
 * The tier the customer had at `at` (an order's placement: the order that
 * lifts a customer earns at the tier they had before it), with its benefits.
 */
async function tierAt(service: LoyaltyClubModuleService, customerId: string, at: Date) {
  const tierId = await service.retrieveTierAt(customerId, at)
  if (!tierId) {
    return null
  }
  const [tier] = (await service.listTiers({ id: tierId })) as any[]
  if (!tier) {
    return null
  }
  return {
    id: tier.id as string,
    cashback_rate: tier.raw_cashback_rate?.value ?? null,
    cashback_multiplier: tier.raw_cashback_multiplier?.value ?? null,
  }
}
