import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import {
  CustomerStats,
  TierDefinition,
  windowKey,
  windowStart,
} from "../../utils/tiers"

/** The shop's tiers, as the pure functions in utils/tiers take them. */
export async function loadTiers(container: MedusaContainer): Promise<TierDefinition[]> {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const tiers = await service.listTiers({}, { order: { rank: "ASC" } })
  return tiers.map((t: any) => ({
    id: t.id,
    name: t.name,
    rank: t.rank,
    currency_code: t.currency_code,
    min_spend: t.raw_min_spend?.value ?? (t.min_spend != null ? String(t.min_spend) : null),
    min_orders: t.min_orders,
    qualification_window: t.qualification_window,
    window_days: t.window_days,
    cashback_rate: t.raw_cashback_rate?.value ?? null,
    cashback_multiplier: t.raw_cashback_multiplier?.value ?? null,
  }))
}

// What a customer spent on an order: its current total (after returns and
// edits, with tax and shipping) plus what credit lines paid, so paying with
// wallet credit still counts as buying. Read from the order module's
// summary of the order's current version.
export const ORDER_SPEND_SQL = `((s.totals->'raw_current_order_total'->>'value')::numeric
  + coalesce((s.totals->'raw_credit_line_total'->>'value')::numeric, 0))`

/**
 * Every customer's orders per tier window, in one pass over the orders: a
 * single aggregate with one FILTER column pair per distinct window (count
 * of orders, spend in the tiers' currency). Canceled and draft orders and
 * guests do not count. `customerIds` narrows it to some customers (an order
 * that may lift its customer).
 *
 * It reads the order module's tables directly, which share the database with
 * ours in a Medusa app; the module API has no aggregate and paging a
 * million orders through it would take minutes.
 */
export async function loadTierStats(
  container: MedusaContainer,
  tiers: TierDefinition[],
  now: Date,
  customerIds?: string[]
): Promise<Map<string, CustomerStats>> {
  const stats = new Map<string, CustomerStats>()
  if (!tiers.length) {
    return stats
  }
  const windows = new Map<string, Date | null>()
  for (const t of tiers) {
    windows.set(windowKey(t), windowStart(t, now))
  }
  const keys = Array.from(windows.keys())
  const starts = keys.map((k) => windows.get(k))
  const earliest = starts.includes(null)
    ? null
    : new Date(Math.min(...starts.map((d) => d!.getTime())))

  // Each window's columns with their bindings, in the order they appear.
  const currency = tiers[0].currency_code.toLowerCase()
  const params: unknown[] = []
  const columns = keys.map((key, i) => {
    const start = windows.get(key)
    const inWindow = start ? "o.created_at >= ?::timestamptz" : "true"
    const at = start ? [start.toISOString()] : []
    params.push(...at, currency, ...at, ...at)
    return `count(*) FILTER (WHERE ${inWindow}) AS orders_${i},
      coalesce(sum(${ORDER_SPEND_SQL}) FILTER (WHERE o.currency_code = ? AND ${inWindow}), 0)::text AS spend_${i},
      min(o.created_at) FILTER (WHERE ${inWindow}) AS first_${i}`
  })
  const where: string[] = [
    "o.deleted_at IS NULL",
    "o.customer_id IS NOT NULL",
    "o.is_draft_order = false",
    "o.status NOT IN ('canceled', 'draft')",
  ]
  if (earliest) {
    where.push("o.created_at >= ?::timestamptz")
    params.push(earliest.toISOString())
  }
  if (customerIds) {
    where.push("o.customer_id IN (SELECT jsonb_array_elements_text(?::jsonb))")
    params.push(JSON.stringify(customerIds))
  }
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(
    `SELECT o.customer_id, ${columns.join(",\n")}
     FROM "order" o
     JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
     WHERE ${where.join(" AND ")}
     GROUP BY o.customer_id`,
    params as any[]
  )
  for (const row of rows) {
    const customer: CustomerStats = {}
    keys.forEach((key, i) => {
      customer[key] = {
        orders: Number(row[`orders_${i}`]),
        spend: row[`spend_${i}`],
        first_order_at: row[`first_${i}`] ? new Date(row[`first_${i}`]) : null,
      }
    })
    stats.set(row.customer_id, customer)
  }
  return stats
}
