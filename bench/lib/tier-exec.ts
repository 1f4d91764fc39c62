// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
//
// Tier evaluation at scale (issue "Customer tiers"): 100,000 customers with
// 1,000,000 orders between them, written straight into the order module's
// tables with set-based SQL (the evaluation only reads "order" and
// order_summary). Three tiers over two windows (lifetime, rolling 365 days).
// Baseline: the evaluation's own aggregate (the SQL text loadTierStats sends,
// captured from it) run alone in the same run; the figures are the
// evaluation's time and its ratio to that aggregate.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { median, now, opt, print } from "./bench-utils"
import { createTiersWorkflow, evaluateTiersWorkflow } from "../../src/workflows"
import { loadTierStats, loadTiers } from "../../src/workflows/tiers/tier-stats"

const CUSTOMERS = opt("customers", 100000)
const ORDERS = opt("orders", 1000000)
const REPEATS = opt("repeats", 3)
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
  // wallet credit (counted through raw_credit_line_total), 3% canceled,
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
    `INSERT INTO customer (id, email, first_name, last_name, has_account, created_at, updated_at)
     SELECT 'cus_bench_' || c, 'bench-' || c || '@example.com', 'Bench', 'Customer ' || c, true,
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
  await pg.raw(`DROP TABLE bench_tier_src`)
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
  const nameOf = new Map(tiers.map((t) => [t.id, t.name]))

  print("orders", String(counts.orders), "orders")
  print("customers", String(counts.customers), "customers")
  print("order_tables_size", size.size, "(order + order_summary)")
  print("setup", setup, "s (inserts + ANALYZE, not part of the figures)")

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

  // --- The evaluation ------------------------------------------------------
  const evaluate = async (label: string, when: Date) => {
    const [{ rows: [before] }] = await Promise.all([
      pg.raw(`SELECT count(*)::int AS n FROM loyalty_tier_history WHERE deleted_at IS NULL`),
    ])
    start = now()
    const { result } = await evaluateTiersWorkflow(container).run({ input: { now: when } })
    const ms = now() - start
    const { rows: [after] } = await pg.raw(
      `SELECT count(*)::int AS n FROM loyalty_tier_history WHERE deleted_at IS NULL`
    )
    const ups = result.changes.filter((c: any) => c.direction === "upgraded").length
    const downs = result.changes.filter((c: any) => c.direction === "downgraded").length
    print(`evaluation_${label}`, ms / 1000, "s")
    print(`evaluation_${label}_vs_aggregate`, ms / sqlMs, "x the SQL aggregate")
    print(
      `evaluation_${label}_changes`,
      String(result.changes.length),
      `changes (${ups} up, ${downs} down; ${after.n - before.n} history rows; ${result.grace_marks} grace marks; ${result.evaluated} evaluated)`
    )
    return ms
  }

  const first = await evaluate("first_run", at)
  const members = await service.countTierMembers()
  print(
    "tier_members",
    tiers.map((t) => `${nameOf.get(t.id)} ${members[t.id] ?? 0}`).join(", "),
    "customers"
  )
  const steady = await evaluate("steady_state", at)
  // A year and more later nobody has ordered since: the rolling window is
  // empty, Gold members fall below (grace marks), and once the grace period
  // has passed they move down.
  const { tier_grace_days } = await service.retrieveSettings()
  const later = new Date(at.getTime() + 400 * DAY)
  const graceRun = await evaluate("400_days_later", later)
  const downRun = await evaluate(
    `${400 + tier_grace_days}_days_later`,
    new Date(later.getTime() + tier_grace_days * DAY)
  )

  const worst = Math.max(first, steady, graceRun, downRun) / 1000
  print(
    "evaluation_under_60s",
    worst < LIMIT_S ? "yes" : "NO",
    `(slowest run ${worst.toFixed(2)} s, target < ${LIMIT_S} s)`
  )
}
