// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
//
// Loyalty analytics at scale (issue #19): 100,000 customers and 1,000,000
// orders over the last two years (the data set lives in analytics-data.ts,
// shared with the segments benchmark), written with set-based SQL straight into
// the order module's tables ("order", order_summary, as the tier benchmark
// does) and the club's: wallets and member phones (most customers are
// members, some are guests), ~10% of orders in store (till purchases at four
// locations), 3% canceled, 2% partly returned, 1% in another currency; a
// ledger with cashback credits (reference "order", half of them held for 14
// days), debits, debits given back, take-backs (canceled orders and some
// more), expiries, a few debts and a few lots past their date that the
// expiry run has not reached yet; occasion credits and codes, code batches
// with their uses, referrals with their rewards; three tiers with history.
//
// Figures: the rollup rebuild (first and second run, with its ratio to the
// bare aggregate: one GROUP BY over all orders joined with order_summary,
// like the tier evaluation's), then the page's nine reads for the last 30
// days and the last 12 months (each read's median, the page sequential and
// concurrent as the browser loads it). Checks: the members total, the
// liability against the wallets' balances, the orders, customers, in-store
// orders and cashback issued in each period against direct SQL.
//   npm run bench -- analytics [--customers 100000] [--orders 1000000] [--repeats 3] [--explain]
// (--reuse: see REUSE below.)
import os from "os"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { check, median, now, opt, peakRssMb, print, quick } from "./bench-utils"
import { insertAnalyticsData } from "./analytics-data"
import { oneLine, Statement, traced } from "./pg-trace"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import { CHECKOUT_CREDIT_SQL, ORDER_VALUE_SQL } from "../../src/modules/loyalty-club/services/analytics-rollups"
import { addShopDays, shopDayStart } from "../../src/utils/sms-messages"

const CUSTOMERS = opt("customers", 100000, 2000)
const ORDERS = opt("orders", 1000000, 20000)
const REPEATS = opt("repeats", 3, 1)
const ARGS: string[] = JSON.parse(process.env.BENCH_ARGS || "[]")
const EXPLAIN = ARGS.includes("--explain")
// `--reuse` (only with `medusa exec` on a database of your own, DATABASE_URL
// and BENCH_ARGS set by hand): keep the data an earlier run inserted there
// and measure again, to try an index or a query on the same data.
const REUSE = ARGS.includes("--reuse")
const REBUILD_LIMIT_S = 60
const PAGE_LIMIT_S = 1
const CURRENCY = "irr"

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ")

export default async function analyticsBench({ container }: ExecArgs) {
  const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const service: any = container.resolve(LOYALTY_CLUB_MODULE)
  const settings = await service.retrieveSettings()
  const timeZone: string = settings.time_zone
  const at = new Date()
  const AT = `'${at.toISOString()}'::timestamptz`
  const run = (sql: string, bindings: unknown[] = []) => pg.raw(sql, bindings)
  const one = async (sql: string, bindings: unknown[] = []) => (await pg.raw(sql, bindings)).rows[0]

  // --- Setup (not part of the figures) -------------------------------------
  let start = now()
  let setup = 0
  let expectedMembers: number | null = null
  const steps: [string, number][] = []
  const reused = REUSE && (await one(`SELECT count(*)::int AS n FROM customer WHERE id = 'cus_an_0'`)).n > 0
  if (!reused) {
    process.stderr.write(`bench: inserting ${CUSTOMERS} customers, ${ORDERS} orders and their ledger...\n`)
    const inserted = await insertAnalyticsData(container, { customers: CUSTOMERS, orders: ORDERS, at, timeZone })
    steps.push(...inserted.steps)
    setup = (now() - start) / 1000
    expectedMembers = inserted.expectedMembers
  }

  // What was inserted, and that the ledger adds up (setup's own check).
  const data = await one(
    `SELECT
       (SELECT count(*) FROM "order" WHERE id LIKE 'order_an_%')::int AS orders,
       (SELECT count(*) FROM customer WHERE id LIKE 'cus_an_%')::int AS customers,
       (SELECT count(*) FROM (SELECT customer_id FROM loyalty_wallet UNION SELECT customer_id FROM loyalty_member_phone) m)::int AS members,
       (SELECT count(*) FROM loyalty_wallet)::int AS wallets,
       (SELECT count(*) FROM loyalty_wallet WHERE balance < 0)::int AS in_debt,
       (SELECT count(*) FROM loyalty_pos_purchase)::int AS till,
       (SELECT count(*) FROM loyalty_wallet_transaction)::int AS ledger_rows,
       (SELECT count(*) FROM loyalty_wallet_lot)::int AS lots,
       (SELECT count(*) FROM loyalty_wallet_lot WHERE remaining > 0 AND expired_at IS NULL AND available_at > ${AT})::int AS pending_lots,
       (SELECT count(*) FROM loyalty_wallet_lot WHERE remaining > 0 AND expired_at IS NULL AND expires_at <= ${AT})::int AS overdue_lots,
       (SELECT count(*) FROM loyalty_code_use)::int AS code_uses,
       (SELECT count(*) FROM loyalty_occasion_grant)::int AS grants,
       (SELECT count(*) FROM loyalty_referral)::int AS referrals,
       (SELECT count(*) FROM loyalty_tier_history)::int AS tier_moves,
       (SELECT sum(balance) FROM loyalty_wallet)::text AS balances,
       (SELECT sum(amount) FROM loyalty_wallet_transaction)::text AS ledger_sum,
       (SELECT sum(remaining) FROM loyalty_wallet_lot WHERE expired_at IS NULL)::text AS lots_sum,
       (SELECT pg_size_pretty(pg_total_relation_size('"order"') + pg_total_relation_size('order_summary'))) AS order_size,
       (SELECT pg_size_pretty(pg_total_relation_size('loyalty_wallet_transaction') + pg_total_relation_size('loyalty_wallet_lot'))) AS ledger_size`
  )

  print("customers", String(data.customers), `customers (${data.members} members, ${data.wallets} wallets, ${data.in_debt} in debt)`)
  print("orders", String(data.orders), `orders (${data.till} in store; order + order_summary ${data.order_size})`)
  print(
    "ledger",
    String(data.ledger_rows),
    `rows, ${data.lots} lots (${data.pending_lots} pending, ${data.overdue_lots} past their date not yet expired; ${data.ledger_size})`
  )
  print("programmes", `${data.code_uses} code uses, ${data.grants} occasion grants, ${data.referrals} referrals`, "")
  print("tier_moves", String(data.tier_moves), "history rows")
  print("setup", setup, reused ? "s (--reuse: the data of an earlier run)" : `s (not part of the figures: ${steps.map(([n, s]) => `${n} ${s.toFixed(1)}`).join(", ")})`)
  check(
    "setup_ledger_adds_up",
    (expectedMembers === null || data.members === expectedMembers) &&
      MathBN.eq(data.balances, data.ledger_sum) &&
      MathBN.eq(data.ledger_sum, data.lots_sum),
    `${data.members} members; balances ${data.balances} = ledger rows ${data.ledger_sum} = open lots ${data.lots_sum}`
  )

  // --- Periods ---------------------------------------------------------------
  const calendar = "jalali" as const
  const to = shopDayStart(addShopDays(at, 1, timeZone), timeZone)
  const periods = [
    { label: "30d", name: "last 30 days", from: shopDayStart(addShopDays(at, -29, timeZone), timeZone) },
    { label: "12m", name: "last 12 months (365 days)", from: shopDayStart(addShopDays(at, -364, timeZone), timeZone) },
  ].map((p) => ({ ...p, to, previous: new Date(p.from.getTime() - (to.getTime() - p.from.getTime())) }))
  const query = (p: { from: Date; to: Date }) => ({
    from: p.from,
    to: p.to,
    currency_code: CURRENCY,
    calendar,
    time_zone: timeZone,
  })
  const reads: [string, (q: any) => Promise<any>][] = [
    ["members", (q) => service.analyticsMembers(q)],
    ["behaviour", (q) => service.analyticsBehaviour(q)],
    ["wallet", (q) => service.analyticsWallet(q)],
    ["liability", (q) => service.analyticsLiability({ currency_code: q.currency_code, calendar: q.calendar, time_zone: q.time_zone })],
    ["retention", (q) => service.analyticsRetention(q)],
    ["lifetime-value", (q) => service.analyticsLifetimeValue(q)],
    ["omnichannel", (q) => service.analyticsOmnichannel(q)],
    ["tiers", (q) => service.analyticsTiers(q)],
    ["programmes", (q) => service.analyticsProgrammes(q)],
  ]
  const missing = [
    "refreshAnalytics",
    "analyticsFreshness",
    "analyticsMembers",
    "analyticsBehaviour",
    "analyticsWallet",
    "analyticsLiability",
    "analyticsRetention",
    "analyticsLifetimeValue",
    "analyticsOmnichannel",
    "analyticsTiers",
    "analyticsProgrammes",
  ].filter((m) => typeof service[m] !== "function")
  if (missing.length) {
    throw new Error(`the module has no ${missing.join(", ")} (facade/analytics.ts not written yet?)`)
  }

  const loadAtStart = load()
  print("load_at_start", loadAtStart, `(1, 5, 15 min; ${os.cpus().length} cores)`)

  // --- Baseline: the bare aggregate ------------------------------------------
  const aggregate = `SELECT o.customer_id, o.currency_code, count(*) AS orders, sum(${ORDER_VALUE_SQL}) AS spend,
       min(o.created_at) AS first_at, max(o.created_at) AS last_at
     FROM "order" o JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
     LEFT JOIN (${CHECKOUT_CREDIT_SQL}) cl ON cl.order_id = o.id
     WHERE o.deleted_at IS NULL AND o.is_draft_order = false AND o.status NOT IN ('canceled', 'draft')
       AND o.customer_id IS NOT NULL
     GROUP BY o.customer_id, o.currency_code`
  const aggregateRuns: number[] = []
  let groups = 0
  for (let i = 0; i < Math.max(REPEATS, 1); i++) {
    start = now()
    groups = (await run(aggregate)).rows.length
    aggregateRuns.push(now() - start)
  }
  const aggregateMs = median(aggregateRuns)
  print("bare_aggregate_median", aggregateMs, `ms (of ${aggregateRuns.length}: ${aggregateRuns.map((x) => x.toFixed(0)).join(", ")}; ${groups} customer rows)`)

  // --- The rollup rebuild -----------------------------------------------------
  const freshBefore = await service.analyticsFreshness()
  const rebuilds: { label: string; ms: number; result: any; statements: Statement[] }[] = []
  for (const label of ["first", "second"]) {
    start = now()
    const { result, statements } = await traced<any>(() => service.refreshAnalytics({ time_zone: timeZone }))
    const ms = now() - start
    rebuilds.push({ label, ms, result, statements })
    print(
      `rebuild_${label}`,
      ms / 1000,
      `s (${result.orders} orders, ${result.customers} customers; reported ${result.duration_ms} ms; ${statements.length} statements; load ${load()}; peak RSS ${peakRssMb().toFixed(0)} MB)`
    )
  }
  for (const r of rebuilds) {
    print(`rebuild_${r.label}_vs_aggregate`, r.ms / aggregateMs, "x the bare aggregate")
  }
  const slowestRebuild = rebuilds.reduce((a, b) => (b.ms > a.ms ? b : a))
  const rebuildSteps = [...slowestRebuild.statements].sort((a, b) => b.ms - a.ms).slice(0, 6)
  process.stdout.write(`rebuild (${slowestRebuild.label} run) slowest statements:\n`)
  for (const s of rebuildSteps) {
    process.stdout.write(`  ${s.ms.toFixed(0).padStart(7)} ms  ${oneLine(s.text)}\n`)
  }
  const freshness = await service.analyticsFreshness()
  check(
    "freshness",
    (reused || freshBefore.built_at === null) && freshness.built_at !== null && freshness.building === false,
    `before: ${JSON.stringify(freshBefore)}; after: ${JSON.stringify(freshness)}`
  )
  const freshRuns: number[] = []
  for (let i = 0; i < Math.max(REPEATS, 1); i++) {
    start = now()
    await service.analyticsFreshness()
    freshRuns.push(now() - start)
  }
  print("freshness_median", median(freshRuns), "ms (analyticsFreshness, sent with every chart's answer)")

  // --- The page ---------------------------------------------------------------
  const pageFigures: { label: string; sequential: number; concurrent: number }[] = []
  const slowReads: { period: string; read: string; ms: number; q: any }[] = []
  for (const p of periods) {
    const q = query(p)
    const first: Record<string, number> = {}
    const times: Record<string, number[]> = Object.fromEntries(reads.map(([name]) => [name, []]))
    const answers: Record<string, any> = {}
    // A first, cold pass (what the first visitor after a rebuild waits for).
    let t0 = now()
    for (const [name, read] of reads) {
      start = now()
      answers[name] = await read(q)
      first[name] = now() - start
    }
    const coldMs = now() - t0
    const sequential: number[] = []
    for (let i = 0; i < REPEATS; i++) {
      t0 = now()
      for (const [name, read] of reads) {
        start = now()
        await read(q)
        times[name].push(now() - start)
      }
      sequential.push(now() - t0)
    }
    const concurrent: number[] = []
    for (let i = 0; i < REPEATS; i++) {
      t0 = now()
      await Promise.all(reads.map(([, read]) => read(q)))
      concurrent.push(now() - t0)
    }
    for (const [name] of reads) {
      const m = median(times[name])
      print(`read_${p.label}_${name}`, m, `ms (median of ${REPEATS}: ${times[name].map((x) => x.toFixed(0)).join(", ")}; first ${first[name].toFixed(0)})`)
      slowReads.push({ period: p.label, read: name, ms: m, q })
    }
    const seq = median(sequential)
    const con = median(concurrent)
    print(`page_${p.label}_first`, coldMs, "ms (the nine reads one after the other, first time after the rebuild)")
    print(`page_${p.label}_sequential`, seq, `ms (median of ${REPEATS}: ${sequential.map((x) => x.toFixed(0)).join(", ")})`)
    print(`page_${p.label}_concurrent`, con, `ms (Promise.all, median of ${REPEATS}: ${concurrent.map((x) => x.toFixed(0)).join(", ")}; load ${load()})`)
    pageFigures.push({ label: p.name, sequential: seq, concurrent: con })

    const m = answers.members
    const b = answers.behaviour
    const w = answers.wallet
    process.stdout.write(
      `sample_${p.label}: members total ${m.total}, new ${m.new}, active ${m.active}, orders ${m.orders} ` +
        `(members' ${m.member_orders}, share ${m.member_orders_share}); repurchase ${b.repurchase_rate}, frequency ${b.frequency}, ` +
        `AOV members ${b.aov?.members} / others ${b.aov?.non_members}; cashback issued ${w.issued}, redeemed ${w.redeemed}, ` +
        `expired ${w.expired}, taken back ${w.taken_back}, cost share ${w.cost_share}; ` +
        `${answers.retention.cohorts?.length} cohorts, ${answers.omnichannel.months?.length} months, ` +
        `${answers.omnichannel.locations?.length} locations; liability ${answers.liability.total}\n`
    )

    // --- Checks against direct SQL over the live tables ---
    // Members and till orders joined as sets (an EXISTS inside FILTER would
    // run once per order).
    const direct = async (from: Date, until: Date) =>
      await one(
        `WITH members AS (
           SELECT customer_id FROM loyalty_wallet WHERE deleted_at IS NULL
           UNION
           SELECT customer_id FROM loyalty_member_phone WHERE deleted_at IS NULL
         ), till AS (
           SELECT DISTINCT order_id FROM loyalty_pos_purchase WHERE deleted_at IS NULL AND order_id IS NOT NULL
         )
         SELECT count(*)::int AS orders, count(m.customer_id)::int AS member_orders,
           count(DISTINCT o.customer_id)::int AS customers, count(t.order_id)::int AS store_orders
         FROM "order" o
         LEFT JOIN members m ON m.customer_id = o.customer_id
         LEFT JOIN till t ON t.order_id = o.id
         WHERE o.deleted_at IS NULL AND o.is_draft_order = false AND o.status NOT IN ('canceled', 'draft')
           AND o.customer_id IS NOT NULL AND o.currency_code = ? AND o.created_at >= ? AND o.created_at < ?`,
        [CURRENCY, from.toISOString(), until.toISOString()]
      )
    const [now_, before] = [await direct(p.from, p.to), await direct(p.previous, p.from)]
    const issued = await one(
      `SELECT coalesce(sum(t.amount), 0)::text AS issued FROM loyalty_wallet_transaction t
       JOIN loyalty_wallet w ON w.id = t.wallet_id
       WHERE t.type = 'credit' AND t.reference = 'order' AND t.deleted_at IS NULL AND w.currency_code = ?
         AND t.created_at >= ? AND t.created_at < ?`,
      [CURRENCY, p.from.toISOString(), p.to.toISOString()]
    )
    check(`${p.label}_members_total`, m.total === data.members, `members total ${m.total}, inserted ${data.members}`)
    check(
      `${p.label}_orders`,
      m.orders === now_.orders && m.member_orders === now_.member_orders &&
        m.previous?.orders === before.orders && m.previous?.member_orders === before.member_orders,
      `orders ${m.orders} (members' ${m.member_orders}), previous ${m.previous?.orders} (${m.previous?.member_orders}); ` +
        `direct ${now_.orders} (${now_.member_orders}), previous ${before.orders} (${before.member_orders})`
    )
    check(
      `${p.label}_customers_with_orders`,
      b.customers === now_.customers && b.orders === now_.orders,
      `behaviour: ${b.customers} customers, ${b.orders} orders; direct ${now_.customers}, ${now_.orders}`
    )
    const storeOrders = (answers.omnichannel.locations ?? []).reduce((s: number, l: any) => s + Number(l.orders), 0)
    check(`${p.label}_in_store_orders`, storeOrders === now_.store_orders, `by location ${storeOrders}, direct ${now_.store_orders}`)
    check(`${p.label}_cashback_issued`, MathBN.eq(w.issued, issued.issued), `issued ${w.issued}, direct ${issued.issued}`)
  }

  // The liability against the wallets' balances: the ledger's own reads
  // (getBalances, available + pending) over every wallet in the currency,
  // and the same sum in SQL.
  // One instant for all three, so no lot passes its date in between.
  const liabilityAt = new Date()
  const liability = await service.analyticsLiability({ currency_code: CURRENCY, calendar, time_zone: timeZone, at: liabilityAt })
  const { rows: walletRows } = await run(`SELECT id FROM loyalty_wallet WHERE currency_code = ? AND deleted_at IS NULL`, [CURRENCY])
  const ids = walletRows.map((r: any) => r.id)
  let available = MathBN.convert(0)
  let pending = MathBN.convert(0)
  for (let i = 0; i < ids.length; i += 5000) {
    const balances = await service.getBalances(ids.slice(i, i + 5000), { at: liabilityAt })
    for (const bal of Object.values(balances) as any[]) {
      available = MathBN.add(available, bal.available)
      pending = MathBN.add(pending, bal.pending)
    }
  }
  const sqlLiability = await one(
    `SELECT (sum(w.balance) - coalesce(sum(o.overdue), 0))::text AS total
     FROM loyalty_wallet w
     LEFT JOIN (SELECT wallet_id, sum(remaining) AS overdue FROM loyalty_wallet_lot
                WHERE remaining > 0 AND expired_at IS NULL AND deleted_at IS NULL AND expires_at <= ?::timestamptz
                GROUP BY wallet_id) o ON o.wallet_id = w.id
     WHERE w.currency_code = ? AND w.deleted_at IS NULL`,
    [liabilityAt.toISOString(), CURRENCY]
  )
  const balancesTotal = MathBN.add(available, pending)
  check(
    "liability_equals_balances",
    MathBN.eq(liability.total, balancesTotal) && MathBN.eq(liability.total, sqlLiability.total) &&
      MathBN.eq(liability.available, available) && MathBN.eq(liability.pending, pending),
    `liability ${liability.total} (available ${liability.available}, pending ${liability.pending}); ` +
      `getBalances over ${ids.length} wallets ${balancesTotal.toFixed()} (${available.toFixed()} + ${pending.toFixed()}); SQL ${sqlLiability.total}`
  )

  // --- Slow statements ----------------------------------------------------------
  // When the page misses its target (or with --explain): every read that
  // takes 100 ms or more, statement by statement (those of 40 ms or more),
  // each with its plan's nodes and their actual times (the full plan with
  // --explain).
  const missed = pageFigures.some((f) => f.sequential / 1000 >= PAGE_LIMIT_S)
  if (EXPLAIN || missed) {
    const slow = [...slowReads].filter((r) => r.ms >= 100).sort((a, b) => b.ms - a.ms)
    const client = await pg.client.acquireConnection()
    try {
      for (const s of slow) {
        const read = reads.find(([name]) => name === s.read)![1]
        const { statements } = await traced(() => read(s.q))
        process.stdout.write(`\nslow read ${s.period} ${s.read}: ${s.ms.toFixed(0)} ms, ${statements.length} statements\n`)
        for (const st of statements.filter((x) => x.ms >= 40)) {
          process.stdout.write(`  statement ${st.ms.toFixed(0)} ms: ${oneLine(st.text, EXPLAIN ? 2000 : 300)}\n`)
          if (!/^\s*(select|with)/i.test(st.text)) {
            continue
          }
          const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.values ?? [])
          const lines: string[] = plan.rows.map((row: any) => row["QUERY PLAN"])
          for (const line of EXPLAIN ? lines : lines.filter((l) => /actual time|Execution Time/.test(l)).slice(0, 30)) {
            process.stdout.write(`  | ${EXPLAIN ? line : line.slice(0, 220)}\n`)
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
    ...rebuilds.map((r): [string, string, string, string] => [
      `rollup rebuild (${r.label} run)`, `${(r.ms / 1000).toFixed(2)} s`, `< ${REBUILD_LIMIT_S} s`, r.ms / 1000 < REBUILD_LIMIT_S ? "yes" : "NO",
    ]),
    ...pageFigures.flatMap((f): [string, string, string, string][] => [
      [`page, ${f.label}, sequential`, `${(f.sequential / 1000).toFixed(3)} s`, `< ${PAGE_LIMIT_S} s`, f.sequential / 1000 < PAGE_LIMIT_S ? "yes" : "NO"],
      [`page, ${f.label}, concurrent`, `${(f.concurrent / 1000).toFixed(3)} s`, `< ${PAGE_LIMIT_S} s`, f.concurrent / 1000 < PAGE_LIMIT_S ? "yes" : "NO"],
    ]),
    ["bare aggregate (baseline)", `${(aggregateMs / 1000).toFixed(2)} s`, "", ""],
    ["rebuild / bare aggregate", `${(slowestRebuild.ms / aggregateMs).toFixed(1)} x`, "", ""],
  ]
  const width = Math.max(...rows.map((r) => r[0].length))
  process.stdout.write(`\nfigures (${data.customers} customers, ${data.orders} orders${quick ? ", --quick" : ""}; load ${loadAtStart} at start, ${loadAtEnd} at end):\n`)
  process.stdout.write(`  ${"figure".padEnd(width)}  ${"value".padStart(10)}  ${"target".padEnd(8)}  met\n`)
  for (const [name, value, target, met] of rows) {
    process.stdout.write(`  ${name.padEnd(width)}  ${value.padStart(10)}  ${target.padEnd(8)}  ${met}\n`)
  }
  print("peak_rss", peakRssMb(), "MB")
}
