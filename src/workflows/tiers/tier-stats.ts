import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import {
  CHECKOUT_CREDIT_OF,
  CHECKOUT_CREDIT_SQL,
  ORDER_VALUE_SQL,
} from "../../modules/loyalty-club/services/analytics-rollups"
import { CustomerTierRow } from "../../modules/loyalty-club/types"
import {
  CustomerStats,
  TierDefinition,
  windowKey,
  windowStart,
} from "../../utils/tiers"

/**
 * The shop's tiers, as the pure functions in utils/tiers take them, with
 * the shop's time zone (where a `jalali_year` window starts).
 */
export async function loadTiers(container: MedusaContainer): Promise<TierDefinition[]> {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const [tiers, settings] = await Promise.all([
    service.listTiers({}, { order: { rank: "ASC" } }),
    service.retrieveSettings(),
  ])
  return tiers.map((t: any) => ({
    id: t.id,
    name: t.name,
    names: t.names ?? null,
    time_zone: settings.time_zone,
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

/**
 * What a customer spent on an order, for a reader of a few orders (one
 * customer's card): the order's value as the analytics figures count it
 * (`ORDER_VALUE_SQL`: its current total after returns, edits and refunds,
 * plus the credit that paid at checkout), with that credit looked up per
 * order. `o` is the order, `s` its summary at the order's version. The
 * summary's `credit_line_total` is not used: after any order change it
 * holds only that change's credit lines, so a refund without a return
 * would be added back to the spend and a credit-paid order that has a
 * return would go negative.
 */
export const ORDER_SPEND_SQL = `((s.totals->'raw_current_order_total'->>'value')::numeric
  + coalesce((${CHECKOUT_CREDIT_OF("o.id")}), 0))`

// How the evaluation joins each order's checkout credit as `cl` (what
// ORDER_VALUE_SQL reads). Every order at once: the credit lines summed per
// order in one pass and hash-joined, not a lookup per order. A few
// customers: a lookup per order of theirs, so a checkout does not sum the
// whole shop's credit lines.
const CHECKOUT_CREDIT_JOIN = {
  all: `LEFT JOIN (${CHECKOUT_CREDIT_SQL}) cl ON cl.order_id = o.id`,
  some: `LEFT JOIN LATERAL (${CHECKOUT_CREDIT_OF("o.id")}) cl ON true`,
}

/** The aggregate's SQL, its bindings and the window key of each column group. */
type StatsQuery = { sql: string; params: unknown[]; keys: string[] }

// One FILTER column triple per distinct window (count of orders, spend in
// the tiers' currency, first order), grouped by customer.
function statsQuery(tiers: TierDefinition[], now: Date, customerIds?: string[]): StatsQuery {
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
      coalesce(sum(${ORDER_VALUE_SQL}) FILTER (WHERE o.currency_code = ? AND ${inWindow}), 0)::text AS spend_${i},
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
  const sql = `SELECT o.customer_id, ${columns.join(",\n")}
     FROM "order" o
     JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
     ${customerIds ? CHECKOUT_CREDIT_JOIN.some : CHECKOUT_CREDIT_JOIN.all}
     WHERE ${where.join(" AND ")}
     GROUP BY o.customer_id`
  return { sql, params, keys }
}

function statsOf(row: any, keys: string[]): CustomerStats {
  const customer: CustomerStats = {}
  keys.forEach((key, i) => {
    customer[key] = {
      orders: Number(row[`orders_${i}`]),
      spend: row[`spend_${i}`],
      first_order_at: row[`first_${i}`] ? new Date(row[`first_${i}`]) : null,
    }
  })
  return customer
}

/**
 * Every customer's orders per tier window, in one pass over the orders: a
 * single aggregate with one FILTER column group per distinct window (count
 * of orders, spend in the tiers' currency). An order's spend is its value
 * as the analytics figures count it (ORDER_VALUE_SQL), so a tier and the
 * figures never disagree on what a customer bought. Canceled and draft
 * orders and guests do not count. `customerIds` narrows it to some
 * customers (an order that may lift its customer).
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
  const { sql, params, keys } = statsQuery(tiers, now, customerIds)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(sql, params as any[])
  for (const row of rows) {
    stats.set(row.customer_id, statsOf(row, keys))
  }
  return stats
}

/** One customer as the evaluation sees them: their orders and their tier state. */
export type TierRow = {
  customer_id: string
  stats: CustomerStats | undefined
  /** Null: the customer has no tier state yet. */
  state: CustomerTierRow | null
}

/**
 * Every customer with orders or a tier state, a page at a time: the same
 * aggregate as `loadTierStats`, joined to the tier states, read through a
 * cursor so the database makes one pass over the orders while this process
 * holds one page at a time (memory stays flat however many customers the
 * shop has). `onPage` runs before the next page is read; what it writes
 * goes through other connections and does not disturb the cursor, which
 * reads the snapshot of its start.
 */
export async function forEachTierPage(
  container: MedusaContainer,
  tiers: TierDefinition[],
  now: Date,
  pageSize: number,
  onPage: (rows: TierRow[]) => Promise<void>
): Promise<void> {
  const query = tiers.length
    ? statsQuery(tiers, now)
    : { sql: "SELECT NULL::text AS customer_id WHERE false", params: [], keys: [] }
  const statColumns = query.keys.flatMap((_, i) => [`st.orders_${i}`, `st.spend_${i}`, `st.first_${i}`])
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.transaction(async (trx) => {
    // A cursor is planned for its first rows unless told otherwise; this one
    // is read to the end, so plan it as the single aggregate it is.
    await trx.raw("SET LOCAL cursor_tuple_fraction = 1.0")
    await trx.raw(
      `DECLARE loyalty_tier_rows NO SCROLL CURSOR FOR
       WITH stats AS (${query.sql})
       SELECT ${["coalesce(st.customer_id, ct.customer_id) AS customer_id", ...statColumns].join(", ")},
         ct.customer_id AS state_customer_id, ct.tier_id AS state_tier_id, ct.pinned AS state_pinned,
         ct.pin_note AS state_pin_note, ct.achieved_at AS state_achieved_at, ct.below_since AS state_below_since
       FROM stats st
       FULL JOIN (
         SELECT customer_id, tier_id, pinned, pin_note, achieved_at, below_since
         FROM loyalty_customer_tier WHERE deleted_at IS NULL
       ) ct ON ct.customer_id = st.customer_id`,
      query.params as any[]
    )
    for (;;) {
      const { rows } = await trx.raw(`FETCH ${Math.max(1, Math.floor(pageSize))} FROM loyalty_tier_rows`)
      if (!rows.length) {
        break
      }
      await onPage(
        rows.map((r: any) => ({
          customer_id: r.customer_id,
          stats: r.orders_0 !== null && r.orders_0 !== undefined ? statsOf(r, query.keys) : undefined,
          state: r.state_customer_id
            ? {
                customer_id: r.state_customer_id,
                tier_id: r.state_tier_id,
                pinned: r.state_pinned,
                pin_note: r.state_pin_note,
                achieved_at: r.state_achieved_at ? new Date(r.state_achieved_at) : null,
                below_since: r.state_below_since ? new Date(r.state_below_since) : null,
              }
            : null,
        }))
      )
      if (rows.length < pageSize) {
        break
      }
    }
  })
}
