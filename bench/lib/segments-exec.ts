// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
//
// Segments, RFM scores and campaigns at scale (issue #18), over the
// analytics benchmark's data set (analytics-data.ts: 100,000 customers,
// 1,000,000 orders over two years, ~10% at four tills, wallets, lots,
// tiers) plus what scoring and campaigns read besides: one or two lines per
// order (200 products in 40 categories, each customer favouring a few),
// SMS preferences (1% opted out of everything, 3% of promotions, 5% in
// English) and 1% of customers without a phone.
//
// Figures:
// 1. scoring every customer (`scoreCustomers`, facade/scores.ts), a first
//    run (every customer's interests read) and a second, the next night (a
//    day's orders changed: only their customers' interests read again),
//    against the bare aggregate: one GROUP BY over the same counted orders
//    (count, last order, Σ ORDER_VALUE), measured in the same run. Target
//    under 20 s.
// 2. segment counts (`countSegment`, facade/segments.ts) for four
//    realistic condition sets, the median of 5 after one warm-up each,
//    after the nightly analytics rollup (windows read its days). Target
//    under 500 ms.
// 3. queuing a campaign to every customer (`queueCampaignWorkflow`, the
//    admin's "send now"), holdout 10%, no gift. Target under 60 s.
// Checks (so `--quick` is a correctness check): every customer scored, each
// customer's orders, store orders, last order and monetary equal to direct
// SQL, every segment name the grid's for its scores (utils/segments.ts);
// each count equal to a direct SQL count written here independently; the
// campaign's recipients + holdout + skipped = the segment's count, the
// holdout exact, messages queued = targets less skipped, one message per
// target, none for the holdout.
//   npm run bench -- segments [--quick] [--customers 100000] [--orders 1000000] [--repeats 5] [--explain]
// (--reuse: with `medusa exec` on a database of your own, DATABASE_URL and
// BENCH_ARGS set by hand, keeps the data an earlier run inserted.)
import os from "os"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { check, median, now, opt, peakRssMb, print, quick } from "./bench-utils"
import { dropAnalyticsSources, F, insertAnalyticsData, raw } from "./analytics-data"
import { oneLine, traced } from "./pg-trace"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import { CHECKOUT_CREDIT_SQL, COUNTED_ORDER_SQL, ORDER_VALUE_SQL } from "../../src/modules/loyalty-club/services/analytics-rollups"
import { segmentFactsOf } from "../../src/modules/loyalty-club/services/segment-facts"
import { segmentMembersSql } from "../../src/modules/loyalty-club/services/segment-sql"
import { SegmentGroup, validateSegmentConditions } from "../../src/utils/segment-conditions"
import { rfmSegmentOf } from "../../src/utils/segments"
import { createSegmentsWorkflow } from "../../src/workflows/segments/workflows"
import { createCampaignWorkflow, queueCampaignWorkflow } from "../../src/workflows/campaigns"

const CUSTOMERS = opt("customers", 100000, 2000)
const ORDERS = opt("orders", 1000000, 20000)
const REPEATS = opt("repeats", 5, 5)
const AGGREGATE_REPEATS = opt("aggregate-repeats", 3, 1)
const ARGS: string[] = JSON.parse(process.env.BENCH_ARGS || "[]")
const EXPLAIN = ARGS.includes("--explain")
const REUSE = ARGS.includes("--reuse")
const SCORE_LIMIT_S = 20
const COUNT_LIMIT_MS = 500
const QUEUE_LIMIT_S = 60
const CURRENCY = "irr"
const DAY_MS = 86400000

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ")

export default async function segmentsBench({ container }: ExecArgs) {
  const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const service: any = container.resolve(LOYALTY_CLUB_MODULE)
  const settings = await service.retrieveSettings()
  const timeZone: string = settings.time_zone
  const at = new Date()
  const run = (sql: string, bindings: unknown[] = []) => pg.raw(sql, bindings)
  const one = async (sql: string, bindings: unknown[] = []) => (await pg.raw(sql, bindings)).rows[0]
  const missing = ["scoreCustomers", "countSegment", "retrieveCampaignRow"].filter((m) => typeof service[m] !== "function")
  if (missing.length) {
    throw new Error(`the module has no ${missing.join(", ")} (facade/scores.ts, segments.ts or campaigns.ts not written yet?)`)
  }

  // --- Setup (not part of the figures) -------------------------------------
  let start = now()
  let setup = 0
  const steps: [string, number][] = []
  const reused = REUSE && (await one(`SELECT count(*)::int AS n FROM customer WHERE id = 'cus_an_0'`)).n > 0
  if (!reused) {
    process.stderr.write(`bench: inserting ${CUSTOMERS} customers, ${ORDERS} orders and their lines...\n`)
    const inserted = await insertAnalyticsData(container, {
      customers: CUSTOMERS,
      orders: ORDERS,
      at,
      timeZone,
      keepSources: true,
    })
    steps.push(...inserted.steps)
    let stepStart = now()
    const step = (name: string) => {
      steps.push([name, (now() - stepStart) / 1000])
      stepStart = now()
    }

    // The catalogue the interests are read from: 40 categories, 200
    // products, each in one category.
    await run(
      `INSERT INTO product_category (id, name, handle, mpath, is_active, is_internal, rank, created_at, updated_at)
       SELECT 'pcat_sg_' || k, 'Category ' || k, 'sg-category-' || k, 'pcat_sg_' || k, true, false, k, now(), now()
       FROM generate_series(0, 39) AS k`
    )
    await run(
      `INSERT INTO product (id, title, handle, status, is_giftcard, discountable, created_at, updated_at)
       SELECT 'prod_sg_' || p, 'Product ' || p, 'sg-product-' || p, 'published', false, true, now(), now()
       FROM generate_series(0, 199) AS p`
    )
    await run(
      `INSERT INTO product_category_product (product_id, product_category_id)
       SELECT 'prod_sg_' || p, 'pcat_sg_' || (p % 40) FROM generate_series(0, 199) AS p`
    )
    // Lines: every order one, half of them a second; a customer buys mostly
    // from eight products of their own (so their top three categories
    // differ), now and then anything. The lines share the order's value.
    await run(`DROP TABLE IF EXISTS bench_sg_line`)
    await run(
      `CREATE UNLOGGED TABLE bench_sg_line AS
       SELECT o.n, k, o.t,
         CASE WHEN ${F("any", "o.n || ':' || k")} < 0.2 THEN (hashtext('prod:' || o.n || ':' || k) & 2147483647) % 200
              ELSE (o.c * 7 + (hashtext('pick:' || o.n || ':' || k) & 7) * 13) % 200 END AS product,
         CASE WHEN NOT two THEN o.amount WHEN k = 1 THEN round(o.amount * 0.6)::bigint
              ELSE o.amount - round(o.amount * 0.6)::bigint END AS price
       FROM (SELECT *, ${F("lines", "n")} < 0.5 AS two FROM bench_an_src) o
       CROSS JOIN LATERAL generate_series(1, CASE WHEN o.two THEN 2 ELSE 1 END) AS k`
    )
    await run(
      `INSERT INTO order_line_item (id, title, product_id, unit_price, raw_unit_price, created_at, updated_at)
       SELECT 'ordli_sg_' || n || '_' || k, 'Product ' || product, 'prod_sg_' || product, price, ${raw("price")}, t, t
       FROM bench_sg_line`
    )
    const zero = (column: string) => `${column}, raw_${column}`
    await run(
      `INSERT INTO order_item (id, order_id, version, item_id, quantity, raw_quantity, ${zero("fulfilled_quantity")},
         ${zero("shipped_quantity")}, ${zero("return_requested_quantity")}, ${zero("return_received_quantity")},
         ${zero("return_dismissed_quantity")}, ${zero("written_off_quantity")}, created_at, updated_at)
       SELECT 'orditem_sg_' || n || '_' || k, 'order_an_' || n, 1, 'ordli_sg_' || n || '_' || k, 1, ${raw("1")},
         0, ${raw("0")}, 0, ${raw("0")}, 0, ${raw("0")}, 0, ${raw("0")}, 0, ${raw("0")}, 0, ${raw("0")}, t, t
       FROM bench_sg_line`
    )
    await run(`DROP TABLE bench_sg_line`)
    step("order_lines")

    // Who can be messaged: 1% opted out of every SMS, 3% of promotions, 5%
    // read English; 1% have no phone.
    await run(
      `INSERT INTO loyalty_sms_preference (id, customer_id, opted_out, opted_out_at, locale, promotions_opted_out,
         promotions_opted_out_at, opt_out_source, created_at, updated_at)
       SELECT 'lsmsp_sg_' || c, 'cus_an_' || c, f < 0.01, CASE WHEN f < 0.01 THEN j END,
         CASE WHEN ${F("locale", "c")} < 0.05 THEN 'en' END,
         f >= 0.01 AND f < 0.04, CASE WHEN f >= 0.01 AND f < 0.04 THEN j END,
         CASE WHEN f < 0.04 THEN 'admin' END, j, j
       FROM (SELECT c, j, ${F("optout", "c")} AS f FROM bench_an_cust) x
       WHERE f < 0.04 OR ${F("locale", "c")} < 0.05`
    )
    await run(`UPDATE customer SET phone = NULL WHERE id IN (SELECT 'cus_an_' || c FROM bench_an_cust WHERE ${F("nophone", "c")} < 0.01)`)
    step("sms_preferences")
    await dropAnalyticsSources(container)
    // As autovacuum leaves a shop's tables: statistics, and the visibility
    // map that lets an index-only scan skip the heap.
    for (const table of ["customer", "product_category", "product_category_product", "order_line_item", "order_item",
      "loyalty_sms_preference", "loyalty_wallet", "loyalty_wallet_lot", "loyalty_customer_tier", "\"order\""]) {
      await run(`VACUUM (ANALYZE) ${table}`)
    }
    step("analyze")
    setup = (now() - start) / 1000
  }

  // The scores' monetary figure is in the store's default currency: the
  // shop here sells in rials (a migrated store starts with another).
  const store = await one(`SELECT id FROM store WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`)
  if (store) {
    await run(`UPDATE store_currency SET is_default = (currency_code = ?) WHERE store_id = ? AND deleted_at IS NULL`, [CURRENCY, store.id])
    await run(
      `INSERT INTO store_currency (id, currency_code, is_default, store_id, created_at, updated_at)
       SELECT 'stocur_sg_irr', ?, true, ?, now(), now()
       WHERE NOT EXISTS (SELECT 1 FROM store_currency WHERE store_id = ? AND currency_code = ? AND deleted_at IS NULL)`,
      [CURRENCY, store.id, store.id, CURRENCY]
    )
  }
  // Without a store the scoring is told the currency (what the nightly job
  // reads from the store's default).
  const scoreInput = store ? { now: at } : { now: at, currency_code: CURRENCY }

  const data = await one(
    `SELECT (SELECT count(*) FROM customer WHERE deleted_at IS NULL)::int AS customers,
       (SELECT count(*) FROM "order")::int AS orders,
       (SELECT count(*) FROM order_item)::int AS lines,
       (SELECT count(*) FROM loyalty_pos_purchase)::int AS till,
       (SELECT count(*) FROM loyalty_sms_preference WHERE opted_out OR promotions_opted_out)::int AS opted_out,
       (SELECT pg_size_pretty(pg_total_relation_size('"order"') + pg_total_relation_size('order_summary'))) AS order_size`
  )
  print("customers", String(data.customers), "customers")
  print("orders", String(data.orders), `orders (${data.lines} lines, ${data.till} in store; order + order_summary ${data.order_size})`)
  print("opted_out", String(data.opted_out), "customers opted out of SMS or of promotions")
  print("setup", setup, reused ? "s (--reuse: the data of an earlier run)" : `s (not part of the figures: ${steps.map(([n, s]) => `${n} ${s.toFixed(1)}`).join(", ")})`)
  const loadAtStart = load()
  print("load_at_start", loadAtStart, `(1, 5, 15 min; ${os.cpus().length} cores)`)

  // --- 1. Scoring ----------------------------------------------------------
  // The bare aggregate: what any scoring must at least read.
  const aggregate = `SELECT o.customer_id, count(*) AS orders, max(o.created_at) AS last_at, sum(${ORDER_VALUE_SQL}) AS value
     FROM "order" o
     JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
     LEFT JOIN (${CHECKOUT_CREDIT_SQL}) cl ON cl.order_id = o.id
     WHERE ${COUNTED_ORDER_SQL}
     GROUP BY o.customer_id`
  const aggregateRuns: number[] = []
  let buyers = 0
  for (let i = 0; i < AGGREGATE_REPEATS; i++) {
    start = now()
    buyers = (await run(aggregate)).rows.length
    aggregateRuns.push(now() - start)
  }
  const aggregateMs = median(aggregateRuns)
  print("bare_aggregate_median", aggregateMs, `ms (of ${aggregateRuns.length}: ${aggregateRuns.map((x) => x.toFixed(0)).join(", ")}; ${buyers} customers with orders)`)

  const scorings: { label: string; ms: number; result: any; statements: any[] }[] = []
  const interestSums: string[] = []
  for (const label of ["first", "second"]) {
    if (label === "second") {
      // The next night: a day's orders (one in 730 of two years') changed
      // since (placed, canceled, returned): their customers' interests are
      // read again, the others' kept.
      await run(
        `UPDATE "order" SET updated_at = clock_timestamp() WHERE id IN (
           SELECT id FROM "order" ORDER BY created_at DESC LIMIT ?)`,
        [Math.max(1, Math.round(data.orders / 730))]
      )
    }
    start = now()
    const { result, statements } = await traced<any>(() => service.scoreCustomers(scoreInput))
    const ms = now() - start
    scorings.push({ label, ms, result, statements })
    interestSums.push(
      (await one(
        `SELECT md5(string_agg(customer_id || ':' || coalesce(interests::text, ''), ',' ORDER BY customer_id)) AS sum
         FROM loyalty_customer_score WHERE deleted_at IS NULL`
      )).sum
    )
    print(
      `score_${label}`,
      ms / 1000,
      `s (${result.scored} scored; reported ${result.duration_ms} ms; ${(ms / aggregateMs).toFixed(1)} x the bare aggregate; load ${load()}; peak RSS ${peakRssMb().toFixed(0)} MB)`
    )
  }
  const slowestScoring = scorings.reduce((a, b) => (b.ms > a.ms ? b : a))
  process.stdout.write(`scoring (${slowestScoring.label} run) slowest statements:\n`)
  for (const s of [...slowestScoring.statements].sort((a, b) => b.ms - a.ms).slice(0, 6)) {
    process.stdout.write(`  ${s.ms.toFixed(0).padStart(7)} ms  ${oneLine(s.text)}\n`)
  }

  // Checks: everyone scored; per customer the scores' facts equal the
  // orders' (a customer without orders has zeros and no segment); each
  // segment is the grid's for its scores.
  const scoredIn = (await one(`SELECT min(currency_code) AS c FROM loyalty_customer_score WHERE deleted_at IS NULL`)).c
  check(
    "scored_everyone",
    scorings.every((s) => s.result.scored === data.customers) && scoredIn === CURRENCY,
    `scored ${scorings.map((s) => s.result.scored).join(" and ")}, customers ${data.customers}; monetary in ${scoredIn}`
  )
  const facts = await one(
    `WITH direct AS (
       SELECT o.customer_id, count(*)::int AS orders, count(p.order_id)::int AS store, max(o.created_at) AS last_at,
         coalesce(sum(${ORDER_VALUE_SQL}) FILTER (WHERE lower(o.currency_code) = ?), 0) AS monetary
       FROM "order" o
       JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
       LEFT JOIN (${CHECKOUT_CREDIT_SQL}) cl ON cl.order_id = o.id
       LEFT JOIN (SELECT DISTINCT order_id FROM loyalty_pos_purchase WHERE deleted_at IS NULL) p ON p.order_id = o.id
       WHERE ${COUNTED_ORDER_SQL}
       GROUP BY o.customer_id
     )
     SELECT count(*)::int AS rows, count(*) FILTER (WHERE sc.segment IS NOT NULL)::int AS with_segment,
       count(*) FILTER (WHERE sc.orders <> coalesce(d.orders, 0) OR sc.orders_store <> coalesce(d.store, 0)
         OR sc.last_order_at IS DISTINCT FROM d.last_at OR sc.monetary <> coalesce(d.monetary, 0)
         OR (d.customer_id IS NULL) <> (sc.segment IS NULL))::int AS wrong,
       sum(sc.orders)::int AS orders, sum(coalesce(d.orders, 0))::int AS direct_orders,
       sum(sc.monetary)::text AS monetary, sum(coalesce(d.monetary, 0))::text AS direct_monetary,
       count(*) FILTER (WHERE sc.channel_mix = 'both')::int AS both_channels,
       count(*) FILTER (WHERE jsonb_array_length(coalesce(sc.interests, '[]'::jsonb)) = 3)::int AS three_interests
     FROM loyalty_customer_score sc
     JOIN customer c ON c.id = sc.customer_id AND c.deleted_at IS NULL
     LEFT JOIN direct d ON d.customer_id = sc.customer_id
     WHERE sc.deleted_at IS NULL`,
    [CURRENCY]
  )
  check(
    "scores_equal_orders",
    facts.rows === data.customers && facts.wrong === 0 && facts.with_segment === buyers &&
      facts.orders === facts.direct_orders && MathBN.eq(facts.monetary, facts.direct_monetary),
    `${facts.rows} rows, ${facts.with_segment} with a segment (${buyers} buyers), ${facts.wrong} differ from direct SQL; ` +
      `orders ${facts.orders} = ${facts.direct_orders}, monetary ${facts.monetary} = ${facts.direct_monetary}; ` +
      `${facts.both_channels} online and in store, ${facts.three_interests} with three interests`
  )
  // The second night read only the changed customers' interests again
  // and kept the others': the same interests as the first, full read (the
  // orders' lines did not change).
  check(
    "interests_kept_or_read_again",
    interestSums.length === 2 && interestSums[0] === interestSums[1],
    `interests after the first and the second run: ${interestSums.join(" and ")}`
  )
  const grid = (
    await run(
      `SELECT r_score, f_score, m_score, segment, count(*)::int AS n FROM loyalty_customer_score
       WHERE deleted_at IS NULL AND orders > 0 GROUP BY 1, 2, 3, 4`
    )
  ).rows
  const offGrid = grid.filter((g: any) => g.segment !== rfmSegmentOf(g.r_score, Math.ceil((g.f_score + g.m_score) / 2)))
  const perR = [1, 2, 3, 4, 5].map((r) => grid.filter((g: any) => g.r_score === r).reduce((s: number, g: any) => s + g.n, 0))
  check(
    "segments_follow_the_grid",
    offGrid.length === 0 && grid.every((g: any) => g.r_score >= 1 && g.r_score <= 5),
    `${grid.length} (R, F, M) cells, ${offGrid.length} named off the grid${offGrid.length ? `: ${JSON.stringify(offGrid.slice(0, 3))}` : ""}; customers per R 1-5: ${perR.join(", ")}`
  )
  const summary = await service.listSegmentSummary()
  process.stdout.write(`segments: ${summary.map((s: any) => `${s.segment ?? "none"} ${s.customers}`).join(", ")}\n`)

  // --- 2. Segment counts -----------------------------------------------------
  // As every night: the analytics rollup (23:45) as well as the scores
  // (00:30); windows read its days. Not part of the figures.
  start = now()
  const rollup = await service.refreshAnalytics({ time_zone: timeZone })
  print("analytics_rollup", (now() - start) / 1000, `s (nightly, not part of the figures; ${rollup.orders} orders)`)
  const tiers: any[] = await service.listTiers({}, { order: { rank: "ASC" } })
  const [, gold, platinum] = tiers.map((t) => t.id)
  const countAt = new Date()
  const iso = (ms: number) => new Date(countAt.getTime() - ms).toISOString()
  const SPEND_MIN = "10000000"
  const BALANCE_MIN = "500000"
  const sets: { name: string; conditions: SegmentGroup; direct: { sql: string; bindings: unknown[] } }[] = [
    {
      name: "rfm",
      conditions: { match: "all", conditions: [{ field: "rfm_segment", segments: ["at_risk", "cant_lose", "hibernating"] }] },
      direct: {
        sql: `SELECT count(*)::int AS n FROM loyalty_customer_score sc JOIN customer c ON c.id = sc.customer_id AND c.deleted_at IS NULL
              WHERE sc.deleted_at IS NULL AND sc.segment IN ('at_risk', 'cant_lose', 'hibernating')`,
        bindings: [],
      },
    },
    {
      name: "spend_90d_and_both",
      conditions: {
        match: "all",
        conditions: [
          { field: "spend", window_days: 90, currency_code: CURRENCY, min: SPEND_MIN },
          { field: "channel_mix", values: ["both"] },
        ],
      },
      direct: {
        sql: `WITH spend AS (
                SELECT o.customer_id, sum(${ORDER_VALUE_SQL}) AS value
                FROM "order" o
                JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
                LEFT JOIN (${CHECKOUT_CREDIT_SQL}) cl ON cl.order_id = o.id
                WHERE ${COUNTED_ORDER_SQL} AND lower(o.currency_code) = ? AND o.created_at > ? AND o.created_at <= ?
                GROUP BY o.customer_id)
              SELECT count(*)::int AS n FROM spend
              JOIN customer c ON c.id = spend.customer_id AND c.deleted_at IS NULL
              JOIN loyalty_customer_score sc ON sc.customer_id = c.id AND sc.deleted_at IS NULL
              WHERE spend.value >= ?::numeric AND sc.channel_mix = 'both'`,
        bindings: [CURRENCY, iso(90 * DAY_MS), countAt.toISOString(), SPEND_MIN],
      },
    },
    {
      name: "lapsing_or_top_tier",
      conditions: {
        match: "any",
        conditions: [
          { field: "days_since_last_order", min: 60, max: 180 },
          { field: "tier", tier_ids: [gold, platinum] },
        ],
      },
      direct: {
        // Whole days since the last order between 60 and 180: the last
        // order at or before 60 days ago and after 181 days ago.
        sql: `WITH last AS (SELECT o.customer_id, max(o.created_at) AS at FROM "order" o WHERE ${COUNTED_ORDER_SQL} GROUP BY 1)
              SELECT count(*)::int AS n FROM customer c
              LEFT JOIN last ON last.customer_id = c.id
              LEFT JOIN loyalty_customer_tier ct ON ct.customer_id = c.id AND ct.deleted_at IS NULL
              WHERE c.deleted_at IS NULL
                AND ((last.at <= ? AND last.at > ?) OR ct.tier_id IN (?, ?))`,
        bindings: [iso(60 * DAY_MS), iso(181 * DAY_MS), gold, platinum],
      },
    },
    {
      name: "nested",
      conditions: {
        match: "all",
        conditions: [
          {
            match: "any",
            conditions: [
              { field: "rfm_segment", segments: ["champions", "loyal"] },
              {
                match: "all",
                conditions: [
                  { field: "orders", window_days: 365, min: 5 },
                  { field: "r_score", min: 3 },
                ],
              },
            ],
          },
          {
            match: "any",
            conditions: [
              { field: "balance", currency_code: CURRENCY, min: BALANCE_MIN },
              { field: "expiring_credit", within_days: 30 },
            ],
          },
          { field: "sms_opted_in", value: true },
        ],
      },
      direct: {
        sql: `WITH recent AS (
                SELECT o.customer_id, count(*) AS orders FROM "order" o
                WHERE ${COUNTED_ORDER_SQL} AND o.created_at > ? AND o.created_at <= ? GROUP BY 1),
              held AS (
                SELECT wallet_id, sum(remaining) AS amount FROM loyalty_wallet_lot
                WHERE remaining > 0 AND expired_at IS NULL AND deleted_at IS NULL AND (available_at > ? OR expires_at <= ?)
                GROUP BY 1),
              available AS (
                SELECT w.customer_id, w.balance - coalesce(h.amount, 0) AS amount FROM loyalty_wallet w
                LEFT JOIN held h ON h.wallet_id = w.id WHERE w.currency_code = ? AND w.deleted_at IS NULL),
              expiring AS (
                SELECT DISTINCT w.customer_id FROM loyalty_wallet_lot l
                JOIN loyalty_wallet w ON w.id = l.wallet_id AND w.deleted_at IS NULL
                WHERE l.remaining > 0 AND l.expired_at IS NULL AND l.deleted_at IS NULL
                  AND l.expires_at > ? AND l.expires_at <= ? AND (l.available_at IS NULL OR l.available_at <= ?))
              SELECT count(*)::int AS n FROM customer c
              LEFT JOIN loyalty_customer_score sc ON sc.customer_id = c.id AND sc.deleted_at IS NULL
              LEFT JOIN recent r ON r.customer_id = c.id
              LEFT JOIN available a ON a.customer_id = c.id
              LEFT JOIN loyalty_sms_preference sp ON sp.customer_id = c.id AND sp.deleted_at IS NULL
              WHERE c.deleted_at IS NULL
                AND (sc.segment IN ('champions', 'loyal') OR (r.orders >= 5 AND sc.r_score >= 3))
                AND (a.amount >= ?::numeric OR c.id IN (SELECT customer_id FROM expiring))
                AND nullif(btrim(c.phone), '') IS NOT NULL AND sp.opted_out IS NOT TRUE AND sp.promotions_opted_out IS NOT TRUE`,
        bindings: [
          iso(365 * DAY_MS), countAt.toISOString(), countAt.toISOString(), countAt.toISOString(), CURRENCY,
          countAt.toISOString(), new Date(countAt.getTime() + 30 * DAY_MS).toISOString(), countAt.toISOString(), BALANCE_MIN,
        ],
      },
    },
  ]
  const counts: { name: string; ms: number; count: number }[] = []
  for (const set of sets) {
    validateSegmentConditions(set.conditions)
    const warm = now()
    await service.countSegment(set.conditions, { at: countAt })
    const first = now() - warm
    const times: number[] = []
    let count = 0
    for (let i = 0; i < REPEATS; i++) {
      start = now()
      count = await service.countSegment(set.conditions, { at: countAt })
      times.push(now() - start)
    }
    const ms = median(times)
    counts.push({ name: set.name, ms, count })
    print(`count_${set.name}`, ms, `ms (median of ${REPEATS}: ${times.map((x) => x.toFixed(0)).join(", ")}; warm-up ${first.toFixed(0)}; ${count} customers)`)
    const direct = await one(set.direct.sql, set.direct.bindings)
    check(`count_${set.name}`, count === direct.n, `countSegment ${count}, direct SQL ${direct.n}`)
  }

  // --- 3. Queuing a campaign to every customer --------------------------------
  const everyone: SegmentGroup = { match: "all", conditions: [{ field: "orders", window_days: null, min: 0 }] }
  const {
    result: [segment],
  } = await createSegmentsWorkflow(container).run({
    input: { segments: [{ name: `Everyone (bench ${Date.now()})`, conditions: everyone }] as any },
  })
  const { result: campaign } = await createCampaignWorkflow(container).run({
    input: {
      name: `Bench campaign ${Date.now()}`,
      segment_id: segment.id,
      bodies: {
        fa: "{first_name} عزیز، هفته‌ی حراج {store_name} شروع شد: {link}",
        en: "Dear {first_name}, the {store_name} sale week has started: {link}",
      },
      holdout_percent: 10,
    },
  })
  const queueAt = new Date()
  const members = await service.countSegment(everyone, { at: queueAt })
  start = now()
  const { result: queued, statements: queueStatements } = await traced<any>(async () =>
    (await queueCampaignWorkflow(container).run({ input: { id: campaign.id, at: queueAt } })).result
  )
  const queueMs = now() - start
  const row = await service.retrieveCampaignRow(campaign.id)
  // (The checks below join 100,000 recipients to their messages: with the
  // tables' statistics from before the queuing, the planner loops.)
  await run(`ANALYZE loyalty_campaign_recipient, loyalty_message`)
  const after = await one(
    `SELECT
       (SELECT count(*) FROM loyalty_campaign_recipient WHERE campaign_id = ? AND deleted_at IS NULL)::int AS rows,
       (SELECT count(*) FROM loyalty_campaign_recipient WHERE campaign_id = ? AND deleted_at IS NULL AND holdout)::int AS holdout,
       (SELECT count(*) FROM loyalty_campaign_recipient r JOIN customer c ON c.id = r.customer_id
          LEFT JOIN loyalty_sms_preference p ON p.customer_id = r.customer_id AND p.deleted_at IS NULL
          WHERE r.campaign_id = ? AND r.deleted_at IS NULL AND NOT r.holdout
            AND (p.opted_out OR p.promotions_opted_out OR nullif(btrim(c.phone), '') IS NULL))::int AS unreachable,
       (SELECT count(*) FROM loyalty_message WHERE campaign_id = ? AND deleted_at IS NULL AND status = 'queued')::int AS queued,
       (SELECT count(*) FROM loyalty_message WHERE campaign_id = ? AND deleted_at IS NULL AND status = 'skipped')::int AS skipped,
       (SELECT count(DISTINCT customer_id) FROM loyalty_message WHERE campaign_id = ? AND deleted_at IS NULL)::int AS messaged,
       (SELECT count(*) FROM loyalty_message WHERE campaign_id = ? AND deleted_at IS NULL)::int AS messages,
       (SELECT count(*) FROM loyalty_campaign_recipient r JOIN loyalty_message m ON m.campaign_id = r.campaign_id
          AND m.customer_id = r.customer_id AND m.deleted_at IS NULL
          WHERE r.campaign_id = ? AND r.deleted_at IS NULL AND r.holdout)::int AS holdout_messaged`,
    Array(8).fill(campaign.id)
  )
  const sample = await one(
    `SELECT body FROM loyalty_message WHERE campaign_id = ? AND status = 'queued' AND deleted_at IS NULL ORDER BY id LIMIT 1`,
    [campaign.id]
  )
  print(
    "queue_campaign",
    queueMs / 1000,
    `s (${row?.recipients} recipients, ${row?.holdout} holdout, ${row?.skipped} skipped of ${members} in the segment; ` +
      `${queued?.queued} message rows written (queued or skipped); status ${row?.status}; ${queueStatements.length} statements; load ${load()}; peak RSS ${peakRssMb().toFixed(0)} MB)`
  )
  process.stdout.write(`queue slowest statements:\n`)
  for (const s of [...queueStatements].sort((a, b) => b.ms - a.ms).slice(0, 6)) {
    process.stdout.write(`  ${s.ms.toFixed(0).padStart(7)} ms  ${oneLine(s.text)}\n`)
  }
  process.stdout.write(`sample message: ${JSON.stringify(sample?.body ?? null)}\n`)
  const targets = after.rows - after.holdout
  check(
    "campaign_reaches_the_segment",
    row?.status === "sending" && members === data.customers && after.rows === members &&
      row.recipients + row.holdout + row.skipped === members && row.holdout === after.holdout &&
      after.holdout === Math.round((members * 10) / 100),
    `segment ${members}; recipients ${row?.recipients} + holdout ${row?.holdout} + skipped ${row?.skipped} = ` +
      `${(row?.recipients ?? 0) + (row?.holdout ?? 0) + (row?.skipped ?? 0)}; ${after.rows} recipient rows, holdout ${after.holdout} ` +
      `(10% of ${members} = ${Math.round((members * 10) / 100)}); status ${row?.status}`
  )
  check(
    "campaign_messages",
    after.queued === targets - row.skipped && after.queued === row.recipients && after.skipped === row.skipped &&
      row.skipped === after.unreachable && after.messaged === targets && after.messages === targets &&
      after.holdout_messaged === 0,
    `${after.queued} queued = ${targets} targets - ${row.skipped} skipped (opted out or no phone by direct SQL: ${after.unreachable}); ` +
      `${after.skipped} skipped rows; ${after.messages} messages for ${after.messaged} customers; ${after.holdout_messaged} to the holdout`
  )

  // --- Plans of what missed its target ------------------------------------------
  const slowCounts = counts.filter((c) => c.ms >= COUNT_LIMIT_MS)
  if (EXPLAIN || slowCounts.length) {
    const client = await pg.client.acquireConnection()
    try {
      for (const set of sets.filter((s) => EXPLAIN || slowCounts.some((c) => c.name === s.name))) {
        const facts = await segmentFactsOf({ execute: async (sql: string, b: unknown[] = []) => (await pg.raw(sql, b)).rows } as any)
        const members = segmentMembersSql(set.conditions, countAt, facts)
        let n = 0
        const text = `EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (${members.sql}) m`.replace(/\?/g, () => `$${++n}`)
        const plan = await client.query(text, members.bindings)
        process.stdout.write(`\nplan of count_${set.name}:\n`)
        for (const line of plan.rows.map((r: any) => r["QUERY PLAN"])) {
          if (EXPLAIN || /actual time|Execution Time/.test(line)) {
            process.stdout.write(`  | ${line.slice(0, 240)}\n`)
          }
        }
      }
    } finally {
      await pg.client.releaseConnection(client)
    }
  }

  // --- Figures against the targets ----------------------------------------------
  const loadAtEnd = load()
  const rows: [string, string, string, string][] = [
    ...scorings.map((s): [string, string, string, string] => [
      `scoring every customer (${s.label} run)`, `${(s.ms / 1000).toFixed(2)} s`, `< ${SCORE_LIMIT_S} s`, s.ms / 1000 < SCORE_LIMIT_S ? "yes" : "NO",
    ]),
    ["bare aggregate (baseline)", `${(aggregateMs / 1000).toFixed(2)} s`, "", ""],
    ["scoring / bare aggregate", scorings.map((s) => `${(s.ms / aggregateMs).toFixed(1)} x`).join(", "), "", ""],
    ...counts.map((c): [string, string, string, string] => [
      `segment count: ${c.name} (${c.count})`, `${c.ms.toFixed(0)} ms`, `< ${COUNT_LIMIT_MS} ms`, c.ms < COUNT_LIMIT_MS ? "yes" : "NO",
    ]),
    [`queuing a campaign to ${members} (${row.recipients} messages)`, `${(queueMs / 1000).toFixed(2)} s`, `< ${QUEUE_LIMIT_S} s`, queueMs / 1000 < QUEUE_LIMIT_S ? "yes" : "NO"],
  ]
  const width = Math.max(...rows.map((r) => r[0].length))
  process.stdout.write(`\nfigures (${data.customers} customers, ${data.orders} orders${quick ? ", --quick" : ""}; load ${loadAtStart} at start, ${loadAtEnd} at end):\n`)
  process.stdout.write(`  ${"figure".padEnd(width)}  ${"value".padStart(12)}  ${"target".padEnd(9)}  met\n`)
  for (const [name, value, target, met] of rows) {
    process.stdout.write(`  ${name.padEnd(width)}  ${value.padStart(12)}  ${target.padEnd(9)}  ${met}\n`)
  }
  print("peak_rss", peakRssMb(), "MB")
}
