import { Context } from "@medusajs/framework/types"
import { addDays, calendarRows } from "../../../utils/analytics"
import { shopDay } from "../../../utils/sms-messages"
import { SqlManager, sql } from "./sql"

/**
 * What an order is worth to the figures: what it came to (its current
 * total, after returns, edits and refunds, with tax and shipping) plus the
 * credit that paid for it at checkout (the order's version-1 credit lines),
 * so paying with wallet credit still counts as buying.
 *
 * Measured on real orders (Medusa 2.21): a received return lowers
 * `current_order_total` by the returned items' value; a refund of what was
 * returned moves nothing more; a refund without a return adds a credit
 * line in an order change (version 2 and up) that lowers
 * `current_order_total` by the refund. The summary's own
 * `credit_line_total` is not used: after any order change it holds only
 * that change's credit lines, so a credit-paid order would lose its credit
 * (and a refund would come back) on its first return. `o` is the order,
 * `s` its summary at the order's version, `cl.amount` the sum of its
 * version-1 credit lines.
 */
export const ORDER_VALUE_SQL = `((s.totals->'raw_current_order_total'->>'value')::numeric + coalesce(cl.amount, 0))`

/** The credit lines that paid at checkout, per order (joined as `cl`). */
export const CHECKOUT_CREDIT_SQL = `SELECT order_id, sum(coalesce((raw_amount->>'value')::numeric, amount)) AS amount
  FROM order_credit_line WHERE version = 1 AND deleted_at IS NULL GROUP BY order_id`

/** The credit lines that paid one order (`id`) at checkout, for a LATERAL join as `cl`. */
export const CHECKOUT_CREDIT_OF = (id: string) => `SELECT sum(coalesce((raw_amount->>'value')::numeric, amount)) AS amount
  FROM order_credit_line WHERE order_id = ${id} AND version = 1 AND deleted_at IS NULL`

/** Orders that count: not deleted, not drafts, not canceled, with a customer. */
export const COUNTED_ORDER_SQL = `o.deleted_at IS NULL AND o.is_draft_order = false
  AND o.status NOT IN ('canceled', 'draft') AND o.customer_id IS NOT NULL`

/**
 * The index segments read the counted orders' recent days by
 * (segment-sql.ts): on Medusa's own "order" table, its predicate the
 * counted orders' word for word. Made by migration Migration20261130080000
 * and, where that found no order table yet, by the nightly rebuild.
 */
export const COUNTED_ORDER_INDEX_SQL = `CREATE INDEX IF NOT EXISTS "IDX_loyalty_order_counted_created_at" ON "order" ("created_at", "customer_id")
  WHERE deleted_at IS NULL AND is_draft_order = false AND status NOT IN ('canceled', 'draft') AND customer_id IS NOT NULL`

// The rebuild's transaction-scoped advisory lock (two int4 keys: the
// club's class, then this lock), also read from pg_locks for `building`.
const LOCK_CLASS = 1819243352
const LOCK_ID = 19

// What the calendar table always covers; a shop with older orders gets
// their days too.
const CALENDAR_FIRST_DAY = "2000-01-01"
const CALENDAR_END_DAY = "2101-01-01"

const TABLES = [
  "loyalty_analytics_member",
  "loyalty_analytics_customer_day",
  "loyalty_analytics_customer",
  "loyalty_analytics_day",
  "loyalty_analytics_location_day",
  "loyalty_analytics_ledger_day",
  "loyalty_analytics_month",
  "loyalty_analytics_cohort",
  "loyalty_analytics_tier_day",
  "loyalty_analytics_ltv",
  "loyalty_analytics_join_day",
]

// Checkout and till debits are what members redeem; transfers to another
// phone and admin debits are not.
const REDEEMING = `('cart', 'pos_receipt')`

export type AnalyticsRefreshResult = { built_at: string; duration_ms: number; orders: number; customers: number }
export type AnalyticsFreshness = { built_at: string | null; duration_ms: number | null; building: boolean }

/**
 * The analytics rollups: plain tables rebuilt whole (migration
 * Migration20261130020000, where each is described) from the orders, the
 * ledger and the tiers, read by the analytics rooms. Set-based: one INSERT
 * ... SELECT per table, no row goes through this process.
 */
export class AnalyticsRollupsRoom {
  /**
   * Rebuilds every rollup in one transaction under an advisory lock:
   * readers keep the previous rollup until the commit, and a rebuild that
   * finds another running waits for it and answers its result instead of
   * building the same thing again. It always runs on a connection of its
   * own, never inside a caller's transaction (a minute-long rebuild must
   * not hold someone else's locks).
   */
  async refresh(
    data: { time_zone: string; now?: Date },
    sharedContext: Context
  ): Promise<AnalyticsRefreshResult> {
    const client = (sharedContext.manager as any).getKnex().client
    const connection = await client.acquireConnection()
    const run: SqlManager["execute"] = async (text: string, params: unknown[] = []) => {
      let n = 0
      return (await connection.query(text.replace(/\?/g, () => `$${++n}`), params)).rows
    }
    try {
      // On its own, before the rebuild's transaction: creating an index
      // locks the table against writes until its transaction ends, and
      // checkouts must not wait for a rebuild. Only when it is missing.
      const [{ missing }] = await run(
        `SELECT to_regclass('"order"') IS NOT NULL
           AND to_regclass('"IDX_loyalty_order_counted_created_at"') IS NULL AS missing`
      )
      if (missing) {
        await run(COUNTED_ORDER_INDEX_SQL)
      }
      await run("BEGIN")
      const { result, built } = await this.rebuild_({ execute: run } as SqlManager, data)
      await run("COMMIT")
      if (built) {
        // The previous rollup's rows are dead now: clear them and mark the
        // pages all-visible, so the first reads after a rebuild neither
        // step over a million dead rows nor set their hint bits.
        await run(`VACUUM ${[...TABLES, "loyalty_analytics_calendar"].join(", ")}`)
      }
      return result
    } catch (error) {
      await run("ROLLBACK").catch(() => undefined)
      throw error
    } finally {
      await client.releaseConnection(connection)
    }
  }

  protected async rebuild_(
    manager: SqlManager,
    data: { time_zone: string; now?: Date }
  ): Promise<{ result: AnalyticsRefreshResult; built: boolean }> {
    const started = Date.now()
    const [{ got }] = await manager.execute(`SELECT pg_try_advisory_xact_lock(?, ?) AS got`, [LOCK_CLASS, LOCK_ID])
    if (!got) {
      // Another rebuild is running: wait for its commit and answer what it built.
      await manager.execute(`SELECT pg_advisory_xact_lock(?, ?)`, [LOCK_CLASS, LOCK_ID])
      const [row] = await manager.execute(
        `SELECT built_at, duration_ms, orders, customers FROM loyalty_analytics_rollup WHERE id = 1`
      )
      if (row) {
        const result = {
          built_at: new Date(row.built_at).toISOString(),
          duration_ms: Number(row.duration_ms),
          orders: Number(row.orders),
          customers: Number(row.customers),
        }
        return { result, built: false }
      }
    }
    const tz = data.time_zone
    const day = (column: string) => `(${column} AT TIME ZONE '${tz.replace(/'/g, "''")}')::date`
    // Sorts and hashes of a million rows stay in memory, and a statement
    // may take its time (about 15 s for a million orders); both local to
    // this transaction.
    await manager.execute(`SET LOCAL work_mem = '128MB'`)
    await manager.execute(`SET LOCAL statement_timeout = '10min'`)
    for (const table of TABLES) {
      await manager.execute(`DELETE FROM ${table}`)
    }

    // The orders that count, once, with their day, value and channel. The
    // moment just before they are read is how far the rollup reaches:
    // segments read the orders created after it live (segment-sql.ts). An
    // order committed in the instant between the two is counted twice
    // there until the next build; reading the clock after the statement
    // would instead miss every order placed while it runs.
    const [{ orders_as_of }] = await manager.execute(`SELECT clock_timestamp() AS orders_as_of`)
    await manager.execute(
      `CREATE TEMP TABLE loyalty_analytics_orders ON COMMIT DROP AS
       SELECT lower(o.currency_code) AS currency_code, o.customer_id, ${day("o.created_at")} AS day,
         ${ORDER_VALUE_SQL} AS value, p.order_id IS NOT NULL AS store, p.location
       FROM "order" o
       JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
       LEFT JOIN (${CHECKOUT_CREDIT_SQL}) cl ON cl.order_id = o.id
       LEFT JOIN (
         SELECT DISTINCT ON (order_id) order_id, location FROM loyalty_pos_purchase
         WHERE deleted_at IS NULL AND order_id IS NOT NULL ORDER BY order_id, created_at
       ) p ON p.order_id = o.id
       WHERE ${COUNTED_ORDER_SQL}`
    )
    await this.ensureCalendar_(manager, data.now ?? new Date(), tz)

    // Members: a wallet or a member phone; joined at the earliest of them.
    await manager.execute(
      `INSERT INTO loyalty_analytics_member (customer_id, joined_at, joined_day, tier_id)
       SELECT m.customer_id, m.joined_at, ${day("m.joined_at")}, ct.tier_id
       FROM (
         SELECT customer_id, min(created_at) AS joined_at FROM (
           SELECT customer_id, created_at FROM loyalty_wallet WHERE deleted_at IS NULL
           UNION ALL
           SELECT customer_id, created_at FROM loyalty_member_phone WHERE deleted_at IS NULL
         ) x GROUP BY customer_id
       ) m
       LEFT JOIN loyalty_customer_tier ct ON ct.customer_id = m.customer_id AND ct.deleted_at IS NULL`
    )

    // A customer's day with their order day before it and their first,
    // written in day order so a period's rows sit together.
    await manager.execute(
      `INSERT INTO loyalty_analytics_customer_day
         (currency_code, day, customer_id, orders, revenue, store_orders, is_member, tier_id, prev_day, first_order_day)
       SELECT * FROM (
         SELECT g.currency_code, g.day, g.customer_id, g.orders, g.revenue, g.store_orders,
           m.customer_id IS NOT NULL, m.tier_id,
           lag(g.day) OVER w, first_value(g.day) OVER w
         FROM (
           SELECT currency_code, day, customer_id, count(*)::int AS orders, sum(value) AS revenue,
             (count(*) FILTER (WHERE store))::int AS store_orders
           FROM loyalty_analytics_orders GROUP BY currency_code, customer_id, day
         ) g
         LEFT JOIN loyalty_analytics_member m ON m.customer_id = g.customer_id
         WINDOW w AS (PARTITION BY g.currency_code, g.customer_id ORDER BY g.day)
       ) x ORDER BY 1, 2`
    )
    // A customer per currency, with their days in order and the orders and
    // revenue up to and including each: a segment's window is the total
    // less the figure through its first day (segment-sql.ts).
    await manager.execute(
      `INSERT INTO loyalty_analytics_customer (currency_code, customer_id, is_member, tier_id, first_order_day,
         first_day_orders, second_order_day, last_order_day, orders, revenue, store_orders,
         order_days, orders_through, revenue_through)
       SELECT currency_code, customer_id, bool_or(is_member), min(tier_id), min(day),
         sum(orders) FILTER (WHERE prev_day IS NULL), min(day) FILTER (WHERE prev_day IS NOT NULL), max(day),
         sum(orders), sum(revenue), sum(store_orders),
         array_agg(day ORDER BY day), array_agg(orders_through ORDER BY day), array_agg(revenue_through ORDER BY day)
       FROM (
         SELECT d.*, (sum(d.orders) OVER w)::int AS orders_through, sum(d.revenue) OVER w AS revenue_through
         FROM loyalty_analytics_customer_day d
         WINDOW w AS (PARTITION BY d.currency_code, d.customer_id ORDER BY d.day)
       ) d
       GROUP BY currency_code, customer_id`
    )
    await manager.execute(
      `INSERT INTO loyalty_analytics_day (currency_code, day, segment, orders, revenue)
       SELECT currency_code, day, CASE WHEN is_member THEN coalesce(tier_id, '') ELSE '~' END, sum(orders), sum(revenue)
       FROM loyalty_analytics_customer_day GROUP BY 1, 2, 3`
    )
    // Every member once per currency that has orders or wallets, with
    // their all-time revenue in it (0 without orders).
    await manager.execute(
      `WITH m AS MATERIALIZED (
         SELECT c.currency_code, m.tier_id, m.joined_day, coalesce(cu.revenue, 0) AS revenue,
           coalesce(cu.orders, 0) AS orders, coalesce(cu.store_orders, 0) AS store_orders
         FROM (
           SELECT DISTINCT currency_code FROM loyalty_analytics_customer
           UNION SELECT DISTINCT lower(currency_code) FROM loyalty_wallet WHERE deleted_at IS NULL
         ) c
         CROSS JOIN loyalty_analytics_member m
         LEFT JOIN loyalty_analytics_customer cu ON cu.currency_code = c.currency_code AND cu.customer_id = m.customer_id
       ), ltv AS (
         INSERT INTO loyalty_analytics_ltv (currency_code, kind, key, members, revenue)
         SELECT currency_code, 'tier', coalesce(tier_id, ''), count(*), sum(revenue) FROM m GROUP BY 1, 3
         UNION ALL
         SELECT currency_code, 'channel',
           CASE WHEN store_orders = 0 THEN 'online' WHEN store_orders = orders THEN 'store' ELSE 'both' END,
           count(*), sum(revenue)
         FROM m WHERE orders > 0 GROUP BY 1, 3
       )
       INSERT INTO loyalty_analytics_join_day (currency_code, day, members, revenue)
       SELECT currency_code, joined_day, count(*), sum(revenue) FROM m GROUP BY 1, 2`
    )
    await manager.execute(
      `INSERT INTO loyalty_analytics_location_day (currency_code, day, location, orders, revenue)
       SELECT currency_code, day, coalesce(location, ''), count(*), sum(value)
       FROM loyalty_analytics_orders WHERE store GROUP BY 1, 2, 3`
    )
    for (const [calendar, column] of [["gregorian", "g_month"], ["jalali", "j_month"]]) {
      await this.buildMonths_(manager, calendar, column)
    }
    await this.buildLedger_(manager, day)
    await this.buildTiers_(manager, day)

    for (const table of [...TABLES, "loyalty_analytics_calendar"]) {
      await manager.execute(`ANALYZE ${table}`)
    }
    const [counts] = await manager.execute(
      `SELECT (SELECT count(*) FROM loyalty_analytics_orders)::bigint AS orders,
         (SELECT count(DISTINCT customer_id) FROM loyalty_analytics_customer)::bigint AS customers`
    )
    const builtAt = data.now ?? new Date()
    const duration = Date.now() - started
    await manager.execute(
      `INSERT INTO loyalty_analytics_rollup (id, built_at, duration_ms, orders, customers, time_zone, orders_as_of)
       VALUES (1, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET built_at = excluded.built_at, duration_ms = excluded.duration_ms,
         orders = excluded.orders, customers = excluded.customers, time_zone = excluded.time_zone,
         orders_as_of = excluded.orders_as_of`,
      [builtAt, duration, counts.orders, counts.customers, tz, orders_as_of]
    )
    const result = {
      built_at: builtAt.toISOString(),
      duration_ms: duration,
      orders: Number(counts.orders),
      customers: Number(counts.customers),
    }
    return { result, built: true }
  }

  /** Fills the calendar table's missing days (once; again only for older orders). */
  protected async ensureCalendar_(manager: SqlManager, now: Date, timeZone: string) {
    const [{ first }] = await manager.execute(`SELECT min(day)::text AS first FROM loyalty_analytics_orders`)
    const today = shopDay(now, timeZone)
    const firstDay = first && first < CALENDAR_FIRST_DAY ? first : CALENDAR_FIRST_DAY
    const endDay = today >= CALENDAR_END_DAY ? addDays(today, 366) : CALENDAR_END_DAY
    const [{ have, need }] = await manager.execute(
      `SELECT count(*)::int AS have, (?::date - ?::date) AS need FROM loyalty_analytics_calendar WHERE day >= ? AND day < ?`,
      [endDay, firstDay, firstDay, endDay]
    )
    if (Number(have) === Number(need)) {
      return
    }
    await manager.execute(
      `INSERT INTO loyalty_analytics_calendar (day, g_month, j_month)
       SELECT day, g_month, j_month FROM jsonb_to_recordset(?::jsonb) AS r(day date, g_month text, j_month text)
       ON CONFLICT (day) DO NOTHING`,
      [JSON.stringify(calendarRows(firstDay, endDay))]
    )
  }

  /**
   * Per calendar month: customers online only, in store only, both; and
   * the retention cells (customers of a first-order month with an order in
   * a later month; the cohort's own month is its size).
   */
  protected async buildMonths_(manager: SqlManager, calendar: string, column: string) {
    await manager.execute(
      `WITH cm AS MATERIALIZED (
         SELECT cd.currency_code, cd.customer_id, c.${column} AS month,
           bool_or(cd.orders > cd.store_orders) AS online, bool_or(cd.store_orders > 0) AS store
         FROM loyalty_analytics_customer_day cd JOIN loyalty_analytics_calendar c ON c.day = cd.day
         GROUP BY cd.currency_code, cd.customer_id, c.${column}
       ), months AS (
         INSERT INTO loyalty_analytics_month (currency_code, calendar, month, online_only, store_only, both_channels)
         SELECT currency_code, ?, month, count(*) FILTER (WHERE online AND NOT store),
           count(*) FILTER (WHERE store AND NOT online), count(*) FILTER (WHERE online AND store)
         FROM cm GROUP BY currency_code, month
       )
       INSERT INTO loyalty_analytics_cohort (currency_code, calendar, cohort, month, customers)
       SELECT currency_code, ?, cohort, month, count(*) FROM (
         SELECT currency_code, month, min(month) OVER (PARTITION BY currency_code, customer_id) AS cohort FROM cm
       ) x GROUP BY currency_code, cohort, month`,
      [calendar, calendar]
    )
  }

  /**
   * The wallet's flows by day, in each wallet's currency: cashback issued
   * (credits for orders), released (cashback lots whose hold ended: the
   * credit less what was taken back of it before), redeemed (checkout and
   * till debits, less what was given back of them, on the day it was
   * given back), expired, and cashback taken back.
   */
  protected async buildLedger_(manager: SqlManager, day: (column: string) => string) {
    await manager.execute(
      `INSERT INTO loyalty_analytics_ledger_day (currency_code, day, flow, amount)
       SELECT lower(w.currency_code), ${day("x.at")}, x.flow, sum(x.amount)
       FROM (
         SELECT t.wallet_id, t.created_at AS at, 'issued' AS flow, t.amount
         FROM loyalty_wallet_transaction t
         WHERE t.type = 'credit' AND t.reference = 'order' AND t.deleted_at IS NULL
         UNION ALL
         SELECT l.wallet_id, l.released_at, 'released',
           l.amount + coalesce(sum(r.amount) FILTER (WHERE r.created_at <= l.released_at), 0)
         FROM loyalty_wallet_lot l
         JOIN loyalty_wallet_transaction t ON t.id = l.transaction_id AND t.type = 'credit' AND t.reference = 'order'
           AND t.deleted_at IS NULL
         LEFT JOIN loyalty_wallet_transaction r ON r.reverses_id = t.id AND r.type = 'reversal' AND r.deleted_at IS NULL
         WHERE l.released_at IS NOT NULL AND l.deleted_at IS NULL
         GROUP BY l.id
         UNION ALL
         SELECT t.wallet_id, t.created_at, 'redeemed', -t.amount
         FROM loyalty_wallet_transaction t
         WHERE t.type = 'debit' AND t.reference IN ${REDEEMING} AND t.deleted_at IS NULL
         UNION ALL
         SELECT r.wallet_id, r.created_at, 'redeemed', -r.amount
         FROM loyalty_wallet_transaction r
         JOIN loyalty_wallet_transaction d ON d.id = r.reverses_id AND d.type = 'debit' AND d.reference IN ${REDEEMING}
         WHERE r.type = 'reversal' AND r.deleted_at IS NULL
         UNION ALL
         SELECT g.wallet_id, g.created_at, 'redeemed', -g.amount
         FROM loyalty_wallet_transaction g
         JOIN loyalty_wallet_transaction d ON d.id = g.metadata->>'debit_id' AND d.type = 'debit' AND d.reference IN ${REDEEMING}
         WHERE g.type = 'credit' AND g.reference = 'debit_give_back' AND g.deleted_at IS NULL
         UNION ALL
         SELECT r.wallet_id, r.created_at, 'redeemed', -r.amount
         FROM loyalty_wallet_transaction r
         JOIN loyalty_wallet_transaction g ON g.id = r.reverses_id AND g.type = 'credit' AND g.reference = 'debit_give_back'
         JOIN loyalty_wallet_transaction d ON d.id = g.metadata->>'debit_id' AND d.type = 'debit' AND d.reference IN ${REDEEMING}
         WHERE r.type = 'reversal' AND r.deleted_at IS NULL
         UNION ALL
         SELECT t.wallet_id, t.created_at, 'expired', -t.amount
         FROM loyalty_wallet_transaction t WHERE t.type = 'expiry' AND t.deleted_at IS NULL
         UNION ALL
         SELECT r.wallet_id, r.created_at, 'taken_back', -r.amount
         FROM loyalty_wallet_transaction r
         JOIN loyalty_wallet_transaction c ON c.id = r.reverses_id AND c.type = 'credit' AND c.reference = 'order'
         WHERE r.type = 'reversal' AND r.deleted_at IS NULL
       ) x
       JOIN loyalty_wallet w ON w.id = x.wallet_id
       GROUP BY 1, 2, 3`
    )
  }

  /**
   * Tier moves by day, anchored on the present: a customer is in their
   * current tier (loyalty_customer_tier) after their last move and in a
   * move's `from` tier before it, so the running sum up to today equals
   * the current table even where the history is incomplete. A move to a
   * higher rank is an upgrade; to a lower rank or out (no tier, rank -1)
   * a downgrade.
   */
  protected async buildTiers_(manager: SqlManager, day: (column: string) => string) {
    await manager.execute(
      `INSERT INTO loyalty_analytics_tier_day (day, tier_key, net, upgrades, downgrades)
       WITH h AS MATERIALIZED (
         SELECT h.customer_id, ${day("h.created_at")} AS day,
           coalesce(h.from_tier_id, '') AS from_key, coalesce(h.to_tier_id, '') AS to_key,
           coalesce(fr.rank, -1) AS from_rank, coalesce(tr.rank, -1) AS to_rank,
           row_number() OVER w AS n, lead(coalesce(h.from_tier_id, '')) OVER w AS next_from
         FROM loyalty_tier_history h
         LEFT JOIN loyalty_tier fr ON fr.id = h.from_tier_id
         LEFT JOIN loyalty_tier tr ON tr.id = h.to_tier_id
         WHERE h.deleted_at IS NULL
         WINDOW w AS (PARTITION BY h.customer_id ORDER BY h.created_at, h.id)
       ), now_ AS (
         SELECT customer_id, coalesce(tier_id, '') AS tier_key FROM loyalty_customer_tier WHERE deleted_at IS NULL
       ), events AS (
         SELECT '-infinity'::date AS day, from_key AS tier_key, 1 AS net, 0 AS up, 0 AS down FROM h WHERE n = 1
         UNION ALL
         SELECT '-infinity'::date, c.tier_key, 1, 0, 0 FROM now_ c
         WHERE NOT EXISTS (SELECT 1 FROM h WHERE h.customer_id = c.customer_id)
         UNION ALL
         SELECT day, from_key, -1, 0, 0 FROM h
         UNION ALL
         SELECT h.day, coalesce(h.next_from, c.tier_key, h.to_key), 1,
           (h.to_rank > h.from_rank)::int, (h.to_rank < h.from_rank)::int
         FROM h LEFT JOIN now_ c ON c.customer_id = h.customer_id AND h.next_from IS NULL
       )
       SELECT day, tier_key, sum(net), sum(up), sum(down) FROM events GROUP BY day, tier_key`
    )
  }

  /** When the rollups were last built, how long it took, and whether a rebuild is running now. */
  async freshness(sharedContext: Context): Promise<AnalyticsFreshness> {
    const [row] = await sql(sharedContext).execute(
      `SELECT r.built_at, r.duration_ms,
         EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND l.classid = ?::oid AND l.objid = ?::oid AND l.objsubid = 2) AS building
       FROM (SELECT 1) one LEFT JOIN loyalty_analytics_rollup r ON r.id = 1`,
      [LOCK_CLASS, LOCK_ID]
    )
    return {
      built_at: row.built_at ? new Date(row.built_at).toISOString() : null,
      duration_ms: row.duration_ms === null || row.duration_ms === undefined ? null : Number(row.duration_ms),
      building: !!row.building,
    }
  }
}
