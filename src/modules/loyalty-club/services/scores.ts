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

// How old a customer's interests may grow before a scoring reads them
// again even though none of their orders changed.
const INTERESTS_MAX_AGE_DAYS = 7

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
      // Every row was rewritten: clear the old ones and refresh the
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
    const scoredCurrency = /^[a-z]{3}$/.test(currency) ? currency : null
    const currencySql = scoredCurrency ? `'${scoredCurrency}'` : "NULL::text"

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
    // Then the interests, read again only for the customers whose orders
    // changed since they were last read (a new order, a cancel, a return,
    // an edit: each writes the order's row) and for those read a week ago
    // or more (what a night cannot see: an order moved to another
    // customer, a product moved to another category). The moment is taken
    // before the orders are read: an order changed while this runs is read
    // again the next night. Nobody read yet, the store's currency changed
    // (interests are amounts in it), or most customers due: all of them, in
    // parallel workers.
    const [{ stamp, previous, previous_currency }] = await manager.execute(
      `SELECT clock_timestamp() AS stamp,
         (SELECT max(interests_at) FROM loyalty_customer_score WHERE deleted_at IS NULL) AS previous,
         (SELECT currency_code FROM loyalty_customer_score WHERE deleted_at IS NULL LIMIT 1) AS previous_currency`
    )
    const stampSql = `'${new Date(stamp).toISOString()}'::timestamptz`
    let everyone = !previous || (previous_currency ?? null) !== scoredCurrency
    if (!everyone) {
      await manager.execute(
        `CREATE TEMP TABLE loyalty_score_touched ON COMMIT DROP AS
         SELECT customer_id FROM "order" WHERE customer_id IS NOT NULL AND updated_at > '${new Date(previous).toISOString()}'::timestamptz
         UNION
         SELECT customer_id FROM loyalty_customer_score
         WHERE deleted_at IS NULL AND (interests_at IS NULL OR interests_at <= ${stampSql} - interval '${INTERESTS_MAX_AGE_DAYS} days')
         UNION
         SELECT c.id FROM customer c
         WHERE c.deleted_at IS NULL AND NOT EXISTS (
           SELECT 1 FROM loyalty_customer_score sc WHERE sc.customer_id = c.id AND sc.deleted_at IS NULL)`
      )
      // Its real size, not a guess: a few thousand customers are read
      // through their orders' indexes, not by a pass over every line.
      await manager.execute(`ANALYZE loyalty_score_touched`)
      const [{ touched, scored }] = await manager.execute(
        `SELECT (SELECT count(*) FROM loyalty_score_touched)::int AS touched,
           (SELECT count(*) FROM loyalty_customer_score WHERE deleted_at IS NULL)::int AS scored`
      )
      everyone = touched * 2 > scored
    }
    // The spend per customer and category (summed in parallel workers over
    // every customer), each customer's top three by a window over the
    // grouping's rows (already in customer order: it sorts within a
    // customer only), names joined to the three kept.
    const only = everyone ? "" : ` AND o.customer_id IN (SELECT customer_id FROM loyalty_score_touched)`
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
             WHERE ${COUNTED_ORDER_SQL}${only}
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
    // Every customer once, into a third temporary table: the quintiles by
    // window functions over the customers with an order (ties share a
    // score, see utils/segments.ts), the segment by the grid's CASE, and
    // from the customer's present row its id, when it was first scored and
    // when and from what the segment last changed.
    await manager.execute(
      `CREATE TEMP TABLE loyalty_score_next ON COMMIT DROP AS
       WITH base AS (
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
       )
       SELECT coalesce(t.id, ${SCORE_ID}) AS id, b.customer_id, ${currencySql} AS currency_code,
         coalesce(b.orders, 0) AS orders, coalesce(b.orders - b.orders_store, 0) AS orders_online,
         coalesce(b.orders_store, 0) AS orders_store, coalesce(b.monetary, 0) AS monetary,
         jsonb_build_object('value', coalesce(b.monetary, 0)::text, 'precision', 20) AS raw_monetary,
         b.first_order_at, b.last_order_at, b.recency_days, b.member_days,
         coalesce(n.r_score, 0) AS r_score, coalesce(n.f_score, 0) AS f_score,
         coalesce(n.m_score, 0) AS m_score, coalesce(n.l_score, 0) AS l_score, n.segment,
         CASE WHEN t.id IS NULL THEN NULL WHEN t.segment IS DISTINCT FROM n.segment THEN t.segment
           ELSE t.previous_segment END AS previous_segment,
         CASE WHEN t.id IS NULL THEN (CASE WHEN n.segment IS NOT NULL THEN ${nowSql} END)
           WHEN t.segment IS DISTINCT FROM n.segment THEN ${nowSql} ELSE t.segment_since END AS segment_since,
         CASE WHEN b.orders IS NULL THEN NULL WHEN b.orders_store = 0 THEN 'online'
           WHEN b.orders_store = b.orders THEN 'store' ELSE 'both' END AS channel_mix,
         ${everyone ? "i.interests" : "CASE WHEN u.customer_id IS NOT NULL OR t.id IS NULL THEN i.interests ELSE t.interests END"} AS interests,
         ${everyone ? stampSql : `CASE WHEN u.customer_id IS NOT NULL OR t.id IS NULL THEN ${stampSql} ELSE t.interests_at END`} AS interests_at,
         ${nowSql} AS scored_at, coalesce(t.created_at, now()) AS created_at
       FROM base b
       LEFT JOIN named n ON n.customer_id = b.customer_id
       LEFT JOIN loyalty_score_interests i ON i.customer_id = b.customer_id
       LEFT JOIN loyalty_customer_score t ON t.customer_id = b.customer_id AND t.deleted_at IS NULL${
         everyone ? "" : "\n       LEFT JOIN loyalty_score_touched u ON u.customer_id = b.customer_id"
       }`
    )
    // Every row is rewritten: the present rows go (with those of
    // customers deleted since) and the new ones come in one plain insert,
    // cheaper than an update per row. Readers see the old rows until the
    // commit; only this run writes the table (the advisory lock).
    const columns = `id, customer_id, currency_code, orders, orders_online, orders_store, monetary, raw_monetary,
         first_order_at, last_order_at, recency_days, member_days, r_score, f_score, m_score, l_score, segment,
         previous_segment, segment_since, channel_mix, interests, interests_at, scored_at, created_at`
    await manager.execute(`DELETE FROM loyalty_customer_score WHERE deleted_at IS NULL`)
    const [{ scored }] = await manager.execute(
      `WITH written AS (
         INSERT INTO loyalty_customer_score (${columns}, updated_at)
         SELECT ${columns}, now() FROM loyalty_score_next
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
