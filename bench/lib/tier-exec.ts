// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
//
// Tier evaluation at scale (issue "Customer tiers"): 100,000 customers with
// 1,000,000 orders between them, written straight into the order module's
// tables with set-based SQL (the evaluation only reads "order" and
// order_summary). Three tiers over two windows (lifetime, rolling 365 days).
// Baseline: the evaluation's own aggregate (the SQL text loadTierStats sends,
// captured from it) run alone in the same run; the figures are the
// evaluation's time, its ratio to that aggregate and the peak RSS. Each run
// is checked: members per tier against the same rules written as plain SQL,
// one history row, one event and (upgrades) one SMS per move.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { check, median, now, opt, peakRssMb, print } from "./bench-utils"
import { createTiersWorkflow, evaluateTiersWorkflow, LoyaltyTierEvents } from "../../src/workflows"
import { loadTierStats, loadTiers, ORDER_SPEND_SQL } from "../../src/workflows/tiers/tier-stats"

const CUSTOMERS = opt("customers", 100000, 2000)
const ORDERS = opt("orders", 1000000, 20000)
const REPEATS = opt("repeats", 3, 1)
const LIMIT_S = 60
const DAY = 24 * 60 * 60 * 1000

// Deterministic pseudo-random fractions in [0, 1) from an order number.
const frac = (salt: string) => `((hashtext('${salt}' || g.n) & 1048575) / 1048576.0)`

export default async function tierBench({ container }: ExecArgs) {
  const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const service: any = container.resolve("loyalty_club")
  const at = new Date()

  // --- Setup (not part of the figures) -------------------------------------
  // Each customer c = n % CUSTOMERS has a spending level k in 1..50; an
  // order costs k * 200,000 IRR * (0.5..1.5), 10% of orders paid 20% with
  // wallet credit (also written as the order's version-1 credit line), 3% canceled,
  // placed uniformly over the last 730 days.
  process.stderr.write(`bench: inserting ${CUSTOMERS} customers and ${ORDERS} orders...\n`)
  let start = now()
  await pg.raw(`DROP TABLE IF EXISTS bench_tier_src`)
  await pg.raw(
    `CREATE UNLOGGED TABLE bench_tier_src AS
     SELECT g.n, g.n % ?::int AS c,
       round((1 + ((g.n % ?::int) * 37) % 50) * 200000 * (0.5 + ${frac("amount")}))::bigint AS amount,
       ${frac("credit")} < 0.10 AS with_credit,
       ${frac("status")} < 0.03 AS canceled,
       ?::timestamptz - ${frac("at")} * interval '730 days' AS t
     FROM generate_series(0, ?::int - 1) AS g(n)`,
    [CUSTOMERS, CUSTOMERS, at.toISOString(), ORDERS]
  )
  await pg.raw(
    `INSERT INTO customer (id, email, first_name, last_name, phone, has_account, created_at, updated_at)
     SELECT 'cus_bench_' || c, 'bench-' || c || '@example.com', 'Bench', 'Customer ' || c,
       '+98912' || lpad(c::text, 7, '0'), true,
       ?::timestamptz - interval '800 days', ?::timestamptz
     FROM generate_series(0, ?::int - 1) AS c`,
    [at.toISOString(), at.toISOString(), CUSTOMERS]
  )
  await pg.raw(
    `INSERT INTO "order" (id, customer_id, version, status, is_draft_order, email, currency_code,
       no_notification, created_at, updated_at, canceled_at)
     SELECT 'order_bench_' || n, 'cus_bench_' || c, 1,
       (CASE WHEN canceled THEN 'canceled' ELSE 'pending' END)::order_status_enum, false,
       'bench-' || c || '@example.com', 'irr', false, t, t, CASE WHEN canceled THEN t END
     FROM bench_tier_src`
  )
  // The summary as the order module writes it: each total and its raw form.
  const total = (key: string, value: string) =>
    `'${key}', ${value}, 'raw_${key}', jsonb_build_object('value', (${value})::text, 'precision', 20)`
  await pg.raw(
    `INSERT INTO order_summary (id, order_id, version, totals, created_at, updated_at)
     SELECT 'ordsum_bench_' || n, 'order_bench_' || n, 1, jsonb_build_object(
         ${total("paid_total", "amount - credit")},
         ${total("refunded_total", "0")},
         ${total("accounting_total", "amount - credit")},
         ${total("credit_line_total", "credit")},
         ${total("transaction_total", "amount - credit")},
         ${total("pending_difference", "0")},
         ${total("current_order_total", "amount - credit")},
         ${total("original_order_total", "amount - credit")}
       ), t, t
     FROM (SELECT n, amount, t, CASE WHEN with_credit THEN round(amount * 0.2)::bigint ELSE 0 END AS credit
           FROM bench_tier_src) s`
  )
  // What wallet credit paid at checkout is also the order's version-1
  // credit line (the evaluation reads it from there, not from the summary).
  await pg.raw(
    `INSERT INTO order_credit_line (id, order_id, reference, reference_id, amount, raw_amount, version, created_at, updated_at)
     SELECT 'ordcl_bench_' || n, 'order_bench_' || n, 'loyalty_wallet', 'lw_bench_' || c, credit,
       jsonb_build_object('value', credit::text, 'precision', 20), 1, t, t
     FROM (SELECT n, c, t, round(amount * 0.2)::bigint AS credit FROM bench_tier_src WHERE with_credit) s`
  )
  await pg.raw(`DROP TABLE bench_tier_src`)
  await pg.raw(`ANALYZE order_credit_line`)
  await pg.raw(`ANALYZE customer`)
  await pg.raw(`ANALYZE "order"`)
  await pg.raw(`ANALYZE order_summary`)
  const [{ rows: [counts] }, { rows: [size] }] = await Promise.all([
    pg.raw(
      `SELECT count(*)::int AS orders, count(DISTINCT customer_id)::int AS customers
       FROM "order" WHERE id LIKE 'order_bench_%'`
    ),
    pg.raw(`SELECT pg_size_pretty(pg_total_relation_size('"order"') + pg_total_relation_size('order_summary')) AS size`),
  ])
  const setup = (now() - start) / 1000

  await createTiersWorkflow(container).run({
    input: {
      tiers: [
        { name: "Silver", rank: 1, currency_code: "irr", min_spend: "15000000", qualification_window: "lifetime" },
        { name: "Gold", rank: 2, currency_code: "irr", min_spend: "25000000", min_orders: 3, qualification_window: "rolling", window_days: 365 },
        { name: "Platinum", rank: 3, currency_code: "irr", min_spend: "70000000", min_orders: 5, qualification_window: "lifetime" },
      ],
    },
  })
  const tiers = await loadTiers(container)

  print("orders", String(counts.orders), "orders")
  print("customers", String(counts.customers), "customers")
  print("order_tables_size", size.size, "(order + order_summary)")
  print("setup", setup, "s (inserts + ANALYZE, not part of the figures)")

  // --- The evaluation ------------------------------------------------------
  // What each evaluation must find, computed here on its own from the same
  // orders: members per tier name at a moment.
  const expected = async (when: Date) => {
    const { rows } = await pg.raw(
      `WITH c AS (
         SELECT o.customer_id,
           sum(${ORDER_SPEND_SQL}) AS life_spend, count(*) AS life_orders,
           coalesce(sum(${ORDER_SPEND_SQL}) FILTER (WHERE o.created_at >= ?::timestamptz), 0) AS roll_spend,
           count(*) FILTER (WHERE o.created_at >= ?::timestamptz) AS roll_orders
         FROM "order" o JOIN order_summary s ON s.order_id = o.id AND s.version = o.version
         WHERE o.status <> 'canceled' AND o.customer_id IS NOT NULL
         GROUP BY o.customer_id)
       SELECT tier, count(*)::int AS n FROM (
         SELECT CASE WHEN life_spend >= 70000000 AND life_orders >= 5 THEN 'Platinum'
                     WHEN roll_spend >= 25000000 AND roll_orders >= 3 THEN 'Gold'
                     WHEN life_spend >= 15000000 THEN 'Silver' END AS tier
         FROM c) t
       WHERE tier IS NOT NULL GROUP BY tier`,
      [new Date(when.getTime() - 365 * DAY).toISOString(), new Date(when.getTime() - 365 * DAY).toISOString()]
    )
    return Object.fromEntries(rows.map((r: any) => [r.tier, r.n])) as Record<string, number>
  }
  const membersByName = async () => {
    const members = await service.countTierMembers()
    const out: Record<string, number> = {}
    for (const t of tiers) {
      if (members[t.id]) out[t.name] = members[t.id]
    }
    return out
  }
  const same = (a: Record<string, number>, b: Record<string, number>) =>
    JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort())
  const show = (m: Record<string, number>) =>
    tiers.map((t) => `${t.name} ${m[t.name] ?? 0}`).join(", ")

  // The tier events, counted as a subscriber sees them.
  const eventBus: any = container.resolve(Modules.EVENT_BUS)
  const seen = { up: 0, down: 0 }
  eventBus.subscribe(LoyaltyTierEvents.UPGRADED, async () => void seen.up++, { subscriberId: "bench-tier-up" })
  eventBus.subscribe(LoyaltyTierEvents.DOWNGRADED, async () => void seen.down++, { subscriberId: "bench-tier-down" })
  const settled = async (want: number) => {
    for (let i = 0; i < 600 && seen.up + seen.down < want; i++) {
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  const count = async (sql: string) => (await pg.raw(sql)).rows[0].n as number

  const evaluate = async (label: string, when: Date) => {
    const [history, messages] = await Promise.all([
      count(`SELECT count(*)::int AS n FROM loyalty_tier_history WHERE deleted_at IS NULL`),
      count(`SELECT count(*)::int AS n FROM loyalty_message WHERE event = 'tier_upgraded' AND deleted_at IS NULL`),
    ])
    const events = seen.up + seen.down
    start = now()
    const { result } = await evaluateTiersWorkflow(container).run({ input: { now: when } })
    const ms = now() - start
    const { upgraded, downgraded } = result
    await settled(events + upgraded + downgraded)
    const [historyAfter, messagesAfter] = await Promise.all([
      count(`SELECT count(*)::int AS n FROM loyalty_tier_history WHERE deleted_at IS NULL`),
      count(`SELECT count(*)::int AS n FROM loyalty_message WHERE event = 'tier_upgraded' AND deleted_at IS NULL`),
    ])
    print(`evaluation_${label}`, ms / 1000, `s (peak RSS so far ${peakRssMb().toFixed(0)} MB)`)
    print(
      `evaluation_${label}_changes`,
      String(result.changes.length),
      `changes (${upgraded} up, ${downgraded} down; ${historyAfter - history} history rows; ${messagesAfter - messages} tier_upgraded messages; ${result.grace_marks} grace marks; ${result.evaluated} evaluated)`
    )
    check(
      `${label}_history_events_messages`,
      historyAfter - history === result.changes.length &&
        seen.up + seen.down - events === upgraded + downgraded &&
        messagesAfter - messages === upgraded,
      `${result.changes.length} moves: ${historyAfter - history} history rows, ${seen.up + seen.down - events} events, ${messagesAfter - messages} messages for ${upgraded} upgrades`
    )
    runs.push([label, ms])
    return { ms, result }
  }
  const runs: [string, number][] = []

  const first = await evaluate("first_run", at)
  const members = await membersByName()
  print("tier_members", show(members), "customers")
  const want = await expected(at)
  check("first_run_members", same(members, want), `members ${show(members)}; expected ${show(want)}`)
  check(
    "first_run_all_up",
    first.result.upgraded === Object.values(want).reduce((a, b) => a + b, 0) && first.result.downgraded === 0,
    `${first.result.upgraded} upgrades`
  )
  const { rows: [sample] } = await pg.raw(
    `SELECT count(DISTINCT idempotency_key)::int AS keys, count(*)::int AS n, min(body) AS body,
       count(*) FILTER (WHERE status = 'queued')::int AS queued
     FROM loyalty_message WHERE event = 'tier_upgraded'`
  )
  check(
    "first_run_one_message_per_move",
    sample.keys === first.result.upgraded && sample.queued === first.result.upgraded,
    `${sample.keys} distinct keys, ${sample.queued} queued, e.g. "${sample.body}"`
  )

  const steady = await evaluate("steady_state", at)
  check("steady_state_no_change", steady.result.changes.length === 0, `${steady.result.changes.length} changes`)
  check("steady_state_members", same(await membersByName(), want), show(await membersByName()))
  // A year and more later nobody has ordered since: the rolling window is
  // empty, Gold members fall below (grace marks), and once the grace period
  // has passed they move down.
  const { tier_grace_days } = await service.retrieveSettings()
  const later = new Date(at.getTime() + 400 * DAY)
  const graceRun = await evaluate("400_days_later", later)
  check(
    "400_days_later_grace",
    graceRun.result.grace_marks + graceRun.result.downgraded === (want.Gold ?? 0),
    `${graceRun.result.grace_marks} grace marks, ${graceRun.result.downgraded} down for ${want.Gold ?? 0} Gold members`
  )
  const end = new Date(later.getTime() + tier_grace_days * DAY)
  const downRun = await evaluate(`${400 + tier_grace_days}_days_later`, end)
  const wantLater = await expected(end)
  const membersLater = await membersByName()
  check("after_grace_members", same(membersLater, wantLater), `members ${show(membersLater)}; expected ${show(wantLater)}`)
  check(
    "after_grace_downgrades",
    graceRun.result.downgraded + downRun.result.downgraded === (want.Gold ?? 0) && downRun.result.upgraded === 0,
    `${downRun.result.downgraded} down`
  )

  // The evaluation's memory, measured before the baseline below loads every
  // customer's stats at once.
  const peak = peakRssMb()
  print("evaluation_peak_rss", peak, `MB (${peak < 1024 ? "under" : "OVER"} the 1 GB target; the whole process, Medusa included)`)

  // --- Baseline: the evaluation's own aggregate, alone --------------------
  // The exact statement loadTierStats sends (captured by handing it a
  // connection that records, then forwards).
  let captured: { sql: string; bindings: unknown[] } | undefined
  const recording = {
    resolve: (key: string) =>
      key === ContainerRegistrationKeys.PG_CONNECTION
        ? { raw: (sql: string, bindings: unknown[]) => ((captured = { sql, bindings }), pg.raw(sql, bindings)) }
        : container.resolve(key),
  }
  start = now()
  const stats = await loadTierStats(recording as any, tiers, at)
  const loadFirst = now() - start
  if (!captured) {
    throw new Error("loadTierStats sent no SQL")
  }
  const sqlRuns: number[] = []
  let groups = 0
  for (let i = 0; i < REPEATS; i++) {
    start = now()
    const { rows } = await pg.raw(captured.sql, captured.bindings)
    sqlRuns.push(now() - start)
    groups = rows.length
  }
  const sqlMs = median(sqlRuns)
  // loadTierStats itself (the aggregate plus turning rows into stats).
  const loadRuns: number[] = []
  for (let i = 0; i < REPEATS; i++) {
    start = now()
    await loadTierStats(container, tiers, at)
    loadRuns.push(now() - start)
  }
  print("sql_aggregate_median", sqlMs, `ms (of ${REPEATS}: ${sqlRuns.map((x) => x.toFixed(0)).join(", ")}; ${groups} customer rows, ${tiers.length} tiers, 2 windows)`)
  print("load_tier_stats_median", median(loadRuns), `ms (aggregate + rows to stats; first call ${loadFirst.toFixed(0)} ms; ${stats.size} customers)`)

  for (const [label, ms] of runs) {
    print(`evaluation_${label}_vs_aggregate`, ms / sqlMs, "x the SQL aggregate")
  }
  const worst = Math.max(...runs.map(([, ms]) => ms)) / 1000
  print(
    "evaluation_under_60s",
    worst < LIMIT_S ? "yes" : "NO",
    `(slowest run ${worst.toFixed(2)} s, target < ${LIMIT_S} s)`
  )
}
