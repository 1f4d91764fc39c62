import { Context } from "@medusajs/framework/types"
import {
  isRfmSegment,
  quintileScoreSql,
  RFM_SEGMENT_NAMES,
  RFM_SEGMENTS,
  RfmSegment,
  rfmSegmentCaseSql,
} from "../../../utils/segments"
import { CHECKOUT_CREDIT_SQL, COUNTED_ORDER_SQL, ORDER_VALUE_SQL } from "./analytics-rollups"
import { sql, SqlManager } from "./sql"

// The scoring's transaction-scoped advisory lock: the club's lock class
// (services/analytics-rollups.ts uses it with 19 for its rebuild), then
// this lock.
const LOCK_CLASS = 1819243352
const LOCK_ID = 20

// The score id, made by the statement that inserts it.
const SCORE_ID = `'lcsc_' || upper(replace(gen_random_uuid()::text, '-', ''))`

/** A category a customer buys most from, by spend in the scores' currency. */
export type CustomerInterest = { category_id: string; name: string; handle: string; amount: string }

/** Names of a segment for the admin, or null for no segment. */
export type SegmentNames = { fa: string; en: string } | null

/** A customer's scores as the admin reads them. */
export type CustomerScoreView = {
  id: string
  customer_id: string
  currency_code: string | null
  orders: number
  orders_online: number
  orders_store: number
  monetary: string
  first_order_at: string | null
  last_order_at: string | null
  recency_days: number | null
  member_days: number
  r_score: number
  f_score: number
  m_score: number
  l_score: number
  segment: RfmSegment | null
  segment_names: SegmentNames
  previous_segment: RfmSegment | null
  previous_segment_names: SegmentNames
  segment_since: string | null
  channel_mix: "online" | "store" | "both" | null
  interests: CustomerInterest[]
  scored_at: string
}

export type ScoreCustomersResult = { scored: number; duration_ms: number; scored_at: string }

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)
const namesOf = (segment: unknown): SegmentNames => (isRfmSegment(segment) ? RFM_SEGMENT_NAMES[segment] : null)

/**
 * What a line sold for: its units (less those that came back) at the
 * version's unit price, less its discounts in proportion to the units kept;
 * before tax and shipping. `oi` is the order's item at the order's version,
 * `li` its line, `adj` the line's adjustments summed. The numeric columns,
 * not their `raw_` JSON twins: reading JSON from two million lines costs
 * seconds, and a ranking needs no digits beyond what numeric holds. A
 * category's sum is rounded to two places once (a share of a discount can
 * have endless decimals): it ranks interests and is shown, it never
 * reaches the ledger.
 */
const LINE_SPEND_SQL = `(
  (oi.quantity - oi.return_received_quantity) * coalesce(oi.unit_price, li.unit_price, 0)
  - coalesce(adj.amount, 0) * (oi.quantity - oi.return_received_quantity) / nullif(oi.quantity, 0)
)`

/**
 * The room of customers' RFM/LRFM scores, named segments, channel mix and
 * interests: one table (loyalty_customer_score) rebuilt set-based from the
 * counted orders, online and at the till, and read by the customer page,
 * the segments and the storefront.
 */
export class ScoresRoom {
  /**
   * Scores every customer in one transaction on a connection of its own
   * (a minute-long rebuild must not hold a caller's locks), under an
   * advisory lock: a run that finds another running waits for its commit
   * and then scores again, so two runs never interleave and the last one
   * sees every order the first did. Readers keep the previous scores until
   * the commit.
   */
  async score(data: { now?: Date; currency_code?: string }, sharedContext: Context): Promise<ScoreCustomersResult> {
    const client = (sharedContext.manager as any).getKnex().client
    const connection = await client.acquireConnection()
    const run: SqlManager["execute"] = async (text: string, params: unknown[] = []) => {
      let n = 0
      return (await connection.query(text.replace(/\?/g, () => `$${++n}`), params)).rows
    }
    try {
      await run("BEGIN")
      const result = await this.rebuild_({ execute: run } as SqlManager, data)
      await run("COMMIT")
      // Every row was rewritten: clear the old versions and refresh the
      // planner's figures, so segment counts right after a run read a
      // compact table.
      await run(`VACUUM (ANALYZE) loyalty_customer_score`)
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
    data: { now?: Date; currency_code?: string }
  ): Promise<ScoreCustomersResult> {
    await manager.execute(`SELECT pg_advisory_xact_lock(?, ?)`, [LOCK_CLASS, LOCK_ID])
    // Timed from the lock: a run that waited reports its own work.
    const started = Date.now()
    const now = data.now ?? new Date()
    // Sorts and hashes of a million orders stay in memory; local to this transaction.
    await manager.execute(`SET LOCAL work_mem = '128MB'`)
    await manager.execute(`SET LOCAL statement_timeout = '10min'`)
    // Compiling this statement's expressions costs more than it saves.
    await manager.execute(`SET LOCAL jit = off`)
    const currency = (data.currency_code ?? (await this.defaultCurrency_(manager)) ?? "").toLowerCase()
    // Both values are written into the statement as literals (checked
    // here: an ISO instant, three letters): the planner then sees them, and
    // a plan over a million orders is only as good as its row estimates.
    const nowSql = `'${now.toISOString()}'::timestamptz`
    const currencySql = /^[a-z]{3}$/.test(currency) ? `'${currency}'` : "NULL::text"

    // Customers deleted since the last run leave the scores.
    await manager.execute(
      `DELETE FROM loyalty_customer_score sc WHERE NOT EXISTS (
         SELECT 1 FROM customer c WHERE c.id = sc.customer_id AND c.deleted_at IS NULL)`
    )

    // The two heavy passes write temporary tables: a statement that
    // creates a table may run in parallel workers, one that inserts into
    // a real table may not. First the counted orders, once per customer.
    await manager.execute(
      `CREATE TEMP TABLE loyalty_score_counted ON COMMIT DROP AS
       SELECT o.customer_id, count(*)::int AS orders,
         (count(*) FILTER (WHERE p.order_id IS NOT NULL))::int AS orders_store,
         coalesce(sum(${ORDER_VALUE_SQL}) FILTER (WHERE lower(o.currency_code) = ${currencySql}), 0) AS monetary,
         min(o.created_at) AS first_order_at, max(o.created_at) AS last_order_at
       FROM "order" o
       JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
       LEFT JOIN (${CHECKOUT_CREDIT_SQL}) cl ON cl.order_id = o.id
       LEFT JOIN (
         SELECT DISTINCT order_id FROM loyalty_pos_purchase WHERE deleted_at IS NULL AND order_id IS NOT NULL
       ) p ON p.order_id = o.id
       WHERE ${COUNTED_ORDER_SQL}
       GROUP BY o.customer_id`
    )
    // Then the spend per customer and category (grouped in parallel
    // workers, each summing its share of the lines), and each customer's
    // top three: the grouping leaves its rows in customer order, so the
    // ranking sorts within a customer only; names are joined to the three
    // kept, not to every pair.
    await manager.execute(
      `CREATE TEMP TABLE loyalty_score_interests ON COMMIT DROP AS
       SELECT r.customer_id, jsonb_agg(
           jsonb_build_object('category_id', r.category_id, 'name', pc.name, 'handle', pc.handle,
             'amount', trim_scale(r.amount)::text)
           ORDER BY r.amount DESC, r.category_id
         ) AS interests
       FROM (
         SELECT customer_id, category_id, amount,
           row_number() OVER (PARTITION BY customer_id ORDER BY amount DESC, category_id) AS place
         FROM (
           SELECT x.customer_id, x.category_id, round(sum(x.spend), 2) AS amount
           FROM (
             SELECT o.customer_id, pcp.product_category_id AS category_id,
               CASE WHEN lower(o.currency_code) = ${currencySql} THEN ${LINE_SPEND_SQL} END AS spend
             FROM "order" o
             JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
             JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL
             JOIN product_category_product pcp ON pcp.product_id = li.product_id
             JOIN product_category pc ON pc.id = pcp.product_category_id AND pc.deleted_at IS NULL
             LEFT JOIN (
               SELECT item_id, sum(amount) AS amount
               FROM order_line_item_adjustment WHERE deleted_at IS NULL GROUP BY item_id
             ) adj ON adj.item_id = li.id
             WHERE ${COUNTED_ORDER_SQL}
           ) x
           GROUP BY 1, 2
         ) spend
         WHERE amount > 0
       ) r
       JOIN product_category pc ON pc.id = r.category_id
       WHERE r.place <= 3
       GROUP BY r.customer_id`
    )
    await manager.execute(`ANALYZE loyalty_score_counted, loyalty_score_interests`)

    const days = (later: string, earlier: string) => `floor(extract(epoch FROM (${later} - ${earlier})) / 86400)::int`
    const fm = `((f_score + m_score + 1) / 2)`
    // Every customer once: the quintiles by window functions over the
    // customers with an order (ties share a score, see utils/segments.ts),
    // the segment by the grid's CASE, then an upsert that keeps when and
    // from what the segment last changed.
    const [{ scored }] = await manager.execute(
      `WITH base AS (
         SELECT c.id AS customer_id, a.orders, a.orders_store, a.monetary, a.first_order_at, a.last_order_at,
           -- (greatest() skips a NULL: a customer without orders keeps none.)
           CASE WHEN a.last_order_at IS NOT NULL THEN greatest(0, ${days(nowSql, "a.last_order_at")}) END AS recency_days,
           greatest(0, ${days(nowSql, "least(c.created_at, coalesce(a.first_order_at, c.created_at))")}) AS member_days
         FROM customer c
         LEFT JOIN loyalty_score_counted a ON a.customer_id = c.id
         WHERE c.deleted_at IS NULL
       ),
       buyers AS (SELECT count(*) AS n FROM loyalty_score_counted),
       scored AS (
         SELECT b.customer_id,
           ${quintileScoreSql("wr", "(SELECT n FROM buyers)")} AS r_score,
           ${quintileScoreSql("wf", "(SELECT n FROM buyers)")} AS f_score,
           ${quintileScoreSql("wm", "(SELECT n FROM buyers)")} AS m_score,
           ${quintileScoreSql("wl", "(SELECT n FROM buyers)")} AS l_score
         FROM base b
         WHERE b.orders IS NOT NULL
         WINDOW wr AS (ORDER BY b.recency_days DESC), wf AS (ORDER BY b.orders),
           wm AS (ORDER BY b.monetary), wl AS (ORDER BY b.member_days)
       ),
       named AS (
         SELECT *, ${rfmSegmentCaseSql("r_score", fm)} AS segment FROM scored
       ),
       written AS (
         INSERT INTO loyalty_customer_score AS t (id, customer_id, currency_code, orders, orders_online, orders_store,
           monetary, raw_monetary, first_order_at, last_order_at, recency_days, member_days,
           r_score, f_score, m_score, l_score, segment, previous_segment, segment_since, channel_mix, interests,
           scored_at, created_at, updated_at)
         SELECT ${SCORE_ID}, b.customer_id, ${currencySql}, coalesce(b.orders, 0),
           coalesce(b.orders - b.orders_store, 0), coalesce(b.orders_store, 0),
           coalesce(b.monetary, 0), jsonb_build_object('value', coalesce(b.monetary, 0)::text, 'precision', 20),
           b.first_order_at, b.last_order_at, b.recency_days, b.member_days,
           coalesce(n.r_score, 0), coalesce(n.f_score, 0), coalesce(n.m_score, 0), coalesce(n.l_score, 0),
           n.segment, NULL, CASE WHEN n.segment IS NOT NULL THEN ${nowSql} END,
           CASE WHEN b.orders IS NULL THEN NULL WHEN b.orders_store = 0 THEN 'online'
             WHEN b.orders_store = b.orders THEN 'store' ELSE 'both' END,
           i.interests, ${nowSql}, now(), now()
         FROM base b
         LEFT JOIN named n ON n.customer_id = b.customer_id
         LEFT JOIN loyalty_score_interests i ON i.customer_id = b.customer_id
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO UPDATE SET
           currency_code = EXCLUDED.currency_code, orders = EXCLUDED.orders, orders_online = EXCLUDED.orders_online,
           orders_store = EXCLUDED.orders_store, monetary = EXCLUDED.monetary, raw_monetary = EXCLUDED.raw_monetary,
           first_order_at = EXCLUDED.first_order_at, last_order_at = EXCLUDED.last_order_at,
           recency_days = EXCLUDED.recency_days, member_days = EXCLUDED.member_days,
           r_score = EXCLUDED.r_score, f_score = EXCLUDED.f_score, m_score = EXCLUDED.m_score, l_score = EXCLUDED.l_score,
           segment = EXCLUDED.segment,
           previous_segment = CASE WHEN t.segment IS DISTINCT FROM EXCLUDED.segment THEN t.segment ELSE t.previous_segment END,
           segment_since = CASE WHEN t.segment IS DISTINCT FROM EXCLUDED.segment THEN EXCLUDED.scored_at ELSE t.segment_since END,
           channel_mix = EXCLUDED.channel_mix, interests = EXCLUDED.interests,
           scored_at = EXCLUDED.scored_at, updated_at = now()
         RETURNING 1
       )
       SELECT count(*)::int AS scored FROM written`
    )
    return { scored: Number(scored), duration_ms: Date.now() - started, scored_at: now.toISOString() }
  }

  // The store's default currency, when the caller did not say.
  protected async defaultCurrency_(manager: SqlManager): Promise<string | null> {
    const [row] = await manager.execute(
      `SELECT lower(currency_code) AS currency_code FROM store_currency
       WHERE deleted_at IS NULL ORDER BY is_default DESC, created_at LIMIT 1`
    )
    return row?.currency_code ?? null
  }

  /** A customer's scores with the segments' names, or null before their first scoring. */
  async retrieve(customer_id: string, sharedContext: Context): Promise<CustomerScoreView | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT id, customer_id, currency_code, orders, orders_online, orders_store, monetary::text AS monetary,
         first_order_at, last_order_at, recency_days, member_days, r_score, f_score, m_score, l_score,
         segment, previous_segment, segment_since, channel_mix, interests, scored_at
       FROM loyalty_customer_score WHERE customer_id = ? AND deleted_at IS NULL`,
      [customer_id]
    )
    if (!row) {
      return null
    }
    return {
      id: row.id,
      customer_id: row.customer_id,
      currency_code: row.currency_code,
      orders: Number(row.orders),
      orders_online: Number(row.orders_online),
      orders_store: Number(row.orders_store),
      monetary: String(row.monetary),
      first_order_at: iso(row.first_order_at),
      last_order_at: iso(row.last_order_at),
      recency_days: row.recency_days === null ? null : Number(row.recency_days),
      member_days: Number(row.member_days),
      r_score: Number(row.r_score),
      f_score: Number(row.f_score),
      m_score: Number(row.m_score),
      l_score: Number(row.l_score),
      segment: isRfmSegment(row.segment) ? row.segment : null,
      segment_names: namesOf(row.segment),
      previous_segment: isRfmSegment(row.previous_segment) ? row.previous_segment : null,
      previous_segment_names: namesOf(row.previous_segment),
      segment_since: iso(row.segment_since),
      channel_mix: row.channel_mix ?? null,
      interests: (row.interests ?? []) as CustomerInterest[],
      scored_at: iso(row.scored_at)!,
    }
  }

  /**
   * How many scored customers each segment holds: every segment listed
   * (best first, zeros included), then the customers without a segment
   * (no counted order).
   */
  async summary(sharedContext: Context): Promise<{ segment: RfmSegment | null; customers: number }[]> {
    const rows = await sql(sharedContext).execute(
      `SELECT segment, count(*)::int AS customers FROM loyalty_customer_score WHERE deleted_at IS NULL GROUP BY segment`
    )
    const count = new Map<string | null, number>(rows.map((r: any) => [r.segment, Number(r.customers)]))
    return [...RFM_SEGMENTS, null].map((segment) => ({ segment, customers: count.get(segment) ?? 0 }))
  }

  /** When the scores were last built; null: never. */
  async scoredAt(sharedContext: Context): Promise<string | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT max(scored_at) AS scored_at FROM loyalty_customer_score WHERE deleted_at IS NULL`
    )
    return iso(row?.scored_at)
  }

  /**
   * A shopper's interests for the storefront: the categories of their
   * last scoring that the store still shows (not deleted, active, not
   * internal), named as they are now; never their scores.
   */
  async interests(
    customer_id: string,
    sharedContext: Context
  ): Promise<{ category_id: string; handle: string; name: string }[]> {
    return await sql(sharedContext).execute(
      `SELECT pc.id AS category_id, pc.handle, pc.name
       FROM loyalty_customer_score sc
       CROSS JOIN LATERAL jsonb_array_elements(coalesce(sc.interests, '[]'::jsonb)) WITH ORDINALITY AS e(item, place)
       JOIN product_category pc ON pc.id = e.item->>'category_id'
         AND pc.deleted_at IS NULL AND pc.is_active = true AND pc.is_internal = false
       WHERE sc.customer_id = ? AND sc.deleted_at IS NULL
       ORDER BY e.place`,
      [customer_id]
    )
  }
}
