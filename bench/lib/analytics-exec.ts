// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
//
// Loyalty analytics at scale (issue #19): 100,000 customers and 1,000,000
// orders over the last two years, written with set-based SQL straight into
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
import { createTiersWorkflow } from "../../src/workflows"
import { ORDER_SPEND_SQL } from "../../src/workflows/tiers/tier-stats"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import { jalaliYearAt, nowruz } from "../../src/utils/jalali"
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

// Deterministic pseudo-random fractions in [0, 1) from a salt and a key.
const F = (salt: string, key: string) => `((hashtext('${salt}:' || (${key})::text) & 1048575) / 1048576.0)`
const raw = (value: string) => `jsonb_build_object('value', (${value})::text, 'precision', 20)`

// --- Statement trace --------------------------------------------------------
// Every statement the app sends goes through node-postgres' Client#query
// (knex passes a callback, the ledger's own transactions await a promise).
// While a list is set, each statement's text, values and time are recorded,
// so a slow read or rebuild step can be named and explained.
type Statement = { text: string; values?: unknown[]; ms: number }
let tracing: Statement[] | null = null
// eslint-disable-next-line @typescript-eslint/no-var-requires
const PgClient = require("pg").Client
const originalQuery = PgClient.prototype.query
PgClient.prototype.query = function (this: any, ...args: any[]) {
  const list = tracing
  const config = args[0]
  const text: string | undefined = typeof config === "string" ? config : config?.text
  if (!list || !text) {
    return originalQuery.apply(this, args)
  }
  const values = Array.isArray(args[1]) ? args[1] : config?.values
  const started = now()
  const record = () => list.push({ text, values, ms: now() - started })
  const callback = args.findIndex((a) => typeof a === "function")
  if (callback >= 0) {
    const done = args[callback]
    args[callback] = function (this: any, ...result: any[]) {
      record()
      return done.apply(this, result)
    }
    return originalQuery.apply(this, args)
  }
  const result = originalQuery.apply(this, args)
  if (result && typeof result.then === "function") {
    result.then(record, record)
  }
  return result
}
async function traced<T>(task: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  const list: Statement[] = []
  tracing = list
  try {
    return { result: await task(), statements: list }
  } finally {
    tracing = null
  }
}
const oneLine = (sql: string, max = 160) => {
  const line = sql.replace(/\s+/g, " ").trim()
  return line.length > max ? `${line.slice(0, max)}...` : line
}

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
    let stepStart = now()
    const step = (name: string) => {
      steps.push([name, (now() - stepStart) / 1000])
      stepStart = now()
    }

    // Customers: 70% members with a wallet and a phone, 8% a phone only, 7% a
    // wallet only, 15% guests. Each starts buying at `s` (over the last two
    // years, more of them long ago: about 70% of the orders fall in the last
    // year, 30% in the one before, a shop that grows) and joins the club
    // around then (`j`).
    await run(`DROP TABLE IF EXISTS bench_an_cust, bench_an_src, bench_an_wm, bench_an_ref, bench_an_credit, bench_an_flow`)
    await run(
      `CREATE UNLOGGED TABLE bench_an_cust AS
       SELECT c, kind, s,
         least(${AT} - interval '1 hour', s - interval '30 days' + ${F("join", "c")} * interval '60 days') AS j
       FROM (
         SELECT c,
           CASE WHEN ${F("kind", "c")} < 0.70 THEN 'both' WHEN ${F("kind", "c")} < 0.78 THEN 'phone'
                WHEN ${F("kind", "c")} < 0.85 THEN 'wallet' ELSE 'guest' END AS kind,
           ${AT} - cbrt(${F("start", "c")}) * interval '730 days' AS s
         FROM generate_series(0, ?::int - 1) AS c) x`,
      [CUSTOMERS]
    )
    await run(`ALTER TABLE bench_an_cust ADD PRIMARY KEY (c)`)
    // Orders: a few customers buy a lot, most a little, the last 5% never;
    // each order between the customer's start and now.
    await run(
      `CREATE UNLOGGED TABLE bench_an_src AS
       SELECT n, c, canceled, with_credit, currency, t, in_store, location,
         NOT canceled AND ret AS returned,
         CASE WHEN currency = 'irr' THEN base ELSE greatest(1, round(base / 100000.0))::bigint END AS amount,
         code_f
       FROM (
         SELECT g.n, g.c,
           ${F("status", "g.n")} < 0.03 AS canceled,
           ${F("credit", "g.n")} < 0.10 AS with_credit,
           CASE WHEN ${F("cur", "g.n")} < 0.01 THEN 'eur' ELSE 'irr' END AS currency,
           round((1 + (g.c * 37) % 50) * 200000 * (0.5 + ${F("amount", "g.n")}))::bigint AS base,
           ${AT} - ${F("at", "g.n")} * (${AT} - cu.s) AS t,
           ${F("store", "g.n")} < 0.10 AS in_store,
           (ARRAY['Tehran - Valiasr', 'Tehran - Tajrish', 'Isfahan', 'Shiraz'])[1 + (hashtext('loc:' || g.n) & 3)] AS location,
           ${F("ret", "g.n")} < 0.02 AS ret,
           ${F("code", "g.n")} AS code_f
         FROM (SELECT n, floor(?::numeric * power(${F("cust", "n")}, 1.6))::int AS c
               FROM generate_series(0, ?::int - 1) AS n) g
         JOIN bench_an_cust cu ON cu.c = g.c) x`,
      [Math.floor(CUSTOMERS * 0.95), ORDERS]
    )
    await run(`CREATE INDEX ON bench_an_src (c, t)`)
    await run(`ANALYZE bench_an_cust`)
    await run(`ANALYZE bench_an_src`)
    step("sources")

    await run(
      `INSERT INTO customer (id, email, first_name, last_name, phone, has_account, created_at, updated_at)
       SELECT 'cus_an_' || c, 'an-' || c || '@example.com', 'Bench', 'Customer ' || c,
         '+98912' || lpad(c::text, 7, '0'), kind <> 'guest' OR c % 2 = 0,
         least(s, j) - interval '1 day', least(s, j) - interval '1 day'
       FROM bench_an_cust`
    )
    await run(
      `INSERT INTO loyalty_wallet (id, customer_id, currency_code, status, balance, raw_balance, created_at, updated_at)
       SELECT 'lw_an_' || c, 'cus_an_' || c, 'irr', 'active', 0, ${raw("0")}, j, j
       FROM bench_an_cust WHERE kind IN ('both', 'wallet')`
    )
    await run(
      `INSERT INTO loyalty_member_phone (id, phone, customer_id, source, verified_at, created_at, updated_at)
       SELECT 'lmph_an_' || c, '+98912' || lpad(c::text, 7, '0'), 'cus_an_' || c, 'code',
         j + CASE WHEN kind = 'both' THEN interval '1 hour' ELSE interval '0' END,
         j + CASE WHEN kind = 'both' THEN interval '1 hour' ELSE interval '0' END,
         j + CASE WHEN kind = 'both' THEN interval '1 hour' ELSE interval '0' END
       FROM bench_an_cust WHERE kind IN ('both', 'phone')`
    )
    step("customers")

    await run(
      `INSERT INTO "order" (id, customer_id, version, status, is_draft_order, email, currency_code,
         no_notification, created_at, updated_at, canceled_at)
       SELECT 'order_an_' || n, 'cus_an_' || c, 1,
         (CASE WHEN canceled THEN 'canceled' ELSE 'pending' END)::order_status_enum, false,
         'an-' || c || '@example.com', currency, false, t, t, CASE WHEN canceled THEN t END
       FROM bench_an_src`
    )
    step("orders")
    // The summary as the order module writes it. 10% paid 20% with wallet
    // credit (credit_line_total); a returned order gave back 30% of what it
    // cost: its current total is lower by that and it was refunded.
    const total = (key: string, value: string) => `'${key}', ${value}, 'raw_${key}', ${raw(value)}`
    await run(
      `INSERT INTO order_summary (id, order_id, version, totals, created_at, updated_at)
       SELECT 'ordsum_an_' || n, 'order_an_' || n, 1, jsonb_build_object(
           ${total("paid_total", "amount - credit")},
           ${total("refunded_total", "ret")},
           ${total("accounting_total", "amount - credit - ret")},
           ${total("credit_line_total", "credit")},
           ${total("transaction_total", "amount - credit - ret")},
           ${total("pending_difference", "0")},
           ${total("current_order_total", "amount - credit - ret")},
           ${total("original_order_total", "amount - credit")}
         ), t, t
       FROM (SELECT n, amount, t,
               CASE WHEN with_credit THEN round(amount * 0.2)::bigint ELSE 0 END AS credit,
               CASE WHEN returned THEN round(amount * 0.3)::bigint ELSE 0 END AS ret
             FROM bench_an_src) s`
    )
    // What wallet credit paid at checkout is also the order's version-1
    // credit line (the figures read it from there, not from the summary).
    await run(
      `INSERT INTO order_credit_line (id, order_id, reference, reference_id, amount, raw_amount, version, created_at, updated_at)
       SELECT 'ordcl_an_' || n, 'order_an_' || n, 'loyalty_wallet', 'lw_an_' || c, credit, ${raw("credit")}, 1, t, t
       FROM (SELECT n, c, t, round(amount * 0.2)::bigint AS credit FROM bench_an_src WHERE with_credit) s`
    )
    step("order_summary")
    await run(
      `INSERT INTO loyalty_pos_purchase (id, receipt_id, customer_id, phone, order_id, location, amount, raw_amount,
         currency_code, created_at, updated_at)
       SELECT 'lposp_an_' || n, 'R' || n, 'cus_an_' || c, '+98912' || lpad(c::text, 7, '0'), 'order_an_' || n,
         location, amount, ${raw("amount")}, currency, t, t
       FROM bench_an_src WHERE in_store`
    )
    step("till_purchases")

    // Code batches: three bulk batches, one code per use on 3% of orders;
    // the code of a canceled order is released.
    await run(
      `INSERT INTO loyalty_code_batch (id, name, kind, status, discount_type, target, value, raw_value, currency_code,
         quantity, issued, created_at, updated_at)
       SELECT id, name, kind, 'active', 'percentage', 'order', value, ${raw("value")}, 'irr', 0, 0,
         ${AT} - interval '740 days', ${AT} - interval '740 days'
       FROM (VALUES ('lcb_an_1', 'Autumn sale', 'bulk', 10), ('lcb_an_2', 'Welcome 10%', 'bulk', 10),
                    ('lcb_an_3', 'Yalda night', 'bulk', 15), ('lcb_an_nowruz', 'Nowruz gifts', 'personal', 15))
         AS b(id, name, kind, value)`
    )
    await run(
      `INSERT INTO loyalty_code (id, batch_id, code, customer_id, source, created_at, updated_at)
       SELECT 'lcode_an_b_' || n, 'lcb_an_' || (1 + (hashtext('batch:' || n) & 2147483647) % 3), 'B' || n,
         NULL, 'bulk', t - interval '1 day', t - interval '1 day'
       FROM bench_an_src WHERE code_f < 0.03`
    )
    await run(
      `INSERT INTO loyalty_code_use (id, code_id, batch_id, order_id, customer_id, currency_code, discount, raw_discount,
         order_total, raw_order_total, used_at, released_at, created_at, updated_at)
       SELECT 'lcuse_an_b_' || n, 'lcode_an_b_' || n, 'lcb_an_' || (1 + (hashtext('batch:' || n) & 2147483647) % 3),
         'order_an_' || n, 'cus_an_' || c, currency, d, ${raw("d")}, amount, ${raw("amount")}, t,
         CASE WHEN canceled THEN least(t + interval '1 hour', ${AT}) END, t, t
       FROM (SELECT *, round(amount * 0.1)::bigint AS d FROM bench_an_src WHERE code_f < 0.03) s`
    )
    step("codes")

    // Credits: cashback of every member's IRR order placed after they got a
    // wallet (a canceled order's is taken back), birthday credits (30% of
    // wallets, 1,000,000 IRR, 30 days), referral rewards.
    await run(
      `CREATE UNLOGGED TABLE bench_an_credit (tx_id text, lot_id text, wallet_id text, c int, reference text,
         reference_id text, a bigint, t timestamptz, available_at timestamptz, expires_at timestamptz,
         forced text, k text)`
    )
    await run(
      `INSERT INTO bench_an_credit
       SELECT 'lwtx_an_cb_' || o.n, 'lwlot_an_cb_' || o.n, 'lw_an_' || o.c, o.c, 'order',
         'order_an_' || o.n || ':lcbr_bench', greatest(1, round(o.amount * 0.05))::bigint, o.t,
         CASE WHEN ${F("hold", "o.n")} < 0.5 THEN o.t + interval '14 days' END,
         CASE WHEN ${F("exp", "o.n")} < 0.1 THEN NULL
              WHEN ${F("exp", "o.n")} < 0.55 THEN o.t + interval '180 days' ELSE o.t + interval '365 days' END,
         CASE WHEN o.canceled THEN 'clawback' END, 'cb' || o.n
       FROM bench_an_src o JOIN bench_an_cust cu ON cu.c = o.c AND cu.kind IN ('both', 'wallet') AND o.t >= cu.j
       WHERE o.currency = 'irr'`
    )
    await run(
      `INSERT INTO bench_an_credit
       SELECT 'lwtx_an_bd_' || c, 'lwlot_an_bd_' || c, 'lw_an_' || c, c, 'occasion', 'logr_an_bd_' || c, 1000000, g,
         NULL, g + interval '30 days', NULL, 'bd' || c
       FROM (SELECT c, j, ${AT} - ${F("bdt", "c")} * interval '700 days' AS g
             FROM bench_an_cust WHERE kind IN ('both', 'wallet') AND ${F("bday", "c")} < 0.3) x
       WHERE g > j`
    )
    // Referrals: 3% of wallet members joined through another member's code;
    // their first order qualifies it (12% of those are reversed later), the
    // friend's second order earns the referrer a bonus.
    await run(
      `CREATE UNLOGGED TABLE bench_an_wm AS
       SELECT (row_number() OVER (ORDER BY c) - 1)::int AS i, c FROM bench_an_cust WHERE kind IN ('both', 'wallet')`
    )
    await run(`ALTER TABLE bench_an_wm ADD PRIMARY KEY (i)`)
    await run(
      `CREATE UNLOGGED TABLE bench_an_ref AS
       SELECT f.c AS friend, wm.c AS referrer, f.j, o1.n AS order_n, o1.t AS order_t, o1.amount AS order_amount,
         o2.n AS bonus_n, o2.t AS bonus_t, o2.amount AS bonus_amount,
         CASE WHEN o1.n IS NULL THEN 'joined' WHEN ${F("rst", "f.c")} < 0.12 THEN 'reversed'
              WHEN o1.t + interval '14 days' > ${AT} THEN 'pending' ELSE 'rewarded' END AS status
       FROM bench_an_cust f
       JOIN bench_an_wm wm ON wm.i = (hashtext('rr:' || f.c) & 2147483647) % (SELECT count(*) FROM bench_an_wm)
       LEFT JOIN LATERAL (SELECT n, t, amount FROM bench_an_src o
         WHERE o.c = f.c AND o.t >= f.j AND NOT o.canceled AND o.currency = 'irr' ORDER BY o.t LIMIT 1) o1 ON true
       LEFT JOIN LATERAL (SELECT n, t, amount FROM bench_an_src o
         WHERE o.c = f.c AND o.t > o1.t AND NOT o.canceled AND o.currency = 'irr' ORDER BY o.t LIMIT 1) o2 ON true
       WHERE f.kind IN ('both', 'wallet') AND ${F("ref", "f.c")} < 0.03 AND wm.c <> f.c`
    )
    await run(
      `INSERT INTO bench_an_credit
       SELECT 'lwtx_an_rf_' || friend, 'lwlot_an_rf_' || friend, 'lw_an_' || friend, friend, 'referral_friend',
         'lref_an_' || friend, 300000, j, NULL, j + interval '30 days',
         CASE WHEN status = 'reversed' THEN 'clawback' END, 'rf' || friend
       FROM bench_an_ref
       UNION ALL
       SELECT 'lwtx_an_rr_' || friend, 'lwlot_an_rr_' || friend, 'lw_an_' || referrer, referrer, 'referral',
         'lref_an_' || friend, 500000, order_t, order_t + interval '14 days', order_t + interval '180 days',
         CASE WHEN status = 'reversed' THEN 'clawback' END, 'rr' || friend
       FROM bench_an_ref WHERE status <> 'joined'
       UNION ALL
       SELECT 'lwtx_an_rb_' || friend, 'lwlot_an_rb_' || friend, 'lw_an_' || referrer, referrer, 'referral_order',
         'order_an_' || bonus_n, greatest(1, round(bonus_amount * 0.05))::bigint, bonus_t, NULL,
         bonus_t + interval '180 days', NULL, 'rb' || friend
       FROM bench_an_ref WHERE status = 'rewarded' AND bonus_n IS NOT NULL`
    )
    await run(
      `INSERT INTO loyalty_referral (id, referrer_id, friend_id, code, channel, status, order_id, order_total,
         raw_order_total, currency_code, friend_transaction_id, referrer_transaction_id, referrer_amount,
         raw_referrer_amount, available_at, rewarded_at, reversed_at, bonus_orders, created_at, updated_at)
       SELECT 'lref_an_' || friend, 'cus_an_' || referrer, 'cus_an_' || friend, 'RF' || referrer, 'online', status,
         'order_an_' || order_n, order_amount, CASE WHEN order_n IS NOT NULL THEN ${raw("order_amount")} END,
         'irr', 'lwtx_an_rf_' || friend,
         CASE WHEN order_n IS NOT NULL THEN 'lwtx_an_rr_' || friend END,
         CASE WHEN order_n IS NOT NULL THEN 500000 END, CASE WHEN order_n IS NOT NULL THEN ${raw("500000")} END,
         order_t + interval '14 days',
         CASE WHEN status = 'rewarded' THEN order_t + interval '14 days' END,
         CASE WHEN status = 'reversed' THEN least(order_t + interval '1 day', ${AT}) END,
         CASE WHEN status = 'rewarded' AND bonus_n IS NOT NULL THEN 1 ELSE 0 END, j, j
       FROM bench_an_ref`
    )
    step("referrals")

    // Each credit's fate: 28% spent (a debit before it expires; 4% of those
    // given back, 2% taken back after being spent, leaving a debt), 2% taken
    // back, the rest stays; what stays and passed its date was expired by the
    // nightly run, except the last few hours' (past their date, not run yet).
    await run(
      `CREATE UNLOGGED TABLE bench_an_flow AS
       SELECT y.*, open AND expires_at IS NOT NULL AND expire_at < ${AT} - interval '5 hours' AS expired
       FROM (
         SELECT x.*, fate IN ('open', 'giveback') AS open,
           CASE WHEN fate = 'debt' THEN spend_at + interval '3 days'
                WHEN forced = 'clawback' THEN least(t + interval '1 day', ${AT})
                ELSE t + interval '3 days' END AS claw_at,
           greatest(expires_at, CASE WHEN fate = 'giveback' THEN spend_at + interval '2 days' ELSE t END)
             + interval '1 hour' AS expire_at
         FROM (
           SELECT cr.*,
             CASE WHEN forced = 'clawback' THEN 'clawback'
                  WHEN f < 0.28 AND spend_at < ${AT} THEN
                    CASE WHEN f2 < 0.04 AND spend_at + interval '2 days' < ${AT} THEN 'giveback'
                         WHEN f2 < 0.06 AND spend_at + interval '3 days' < ${AT} THEN 'debt'
                         ELSE 'spent' END
                  WHEN f >= 0.28 AND f < 0.30 AND t + interval '3 days' < ${AT} THEN 'clawback'
                  ELSE 'open' END AS fate
           FROM (
             SELECT cr.*, ${F("fate", "cr.k")} AS f, ${F("sub", "cr.k")} AS f2,
               coalesce(available_at, t) + ${F("sp", "cr.k")} * CASE WHEN expires_at IS NULL THEN interval '60 days'
                 ELSE least(interval '60 days', (expires_at - coalesce(available_at, t)) * 0.9) END AS spend_at
             FROM bench_an_credit cr) cr) x) y`
    )
    step("fates")
    await run(
      `INSERT INTO loyalty_wallet_transaction (id, wallet_id, type, amount, raw_amount, reference, reference_id,
         reverses_id, created_at, updated_at)
       SELECT tx_id, wallet_id, 'credit', a, ${raw("a")}, reference, reference_id, NULL, t, t
       FROM bench_an_flow
       UNION ALL
       SELECT tx_id || '_d', wallet_id, 'debit', -a, ${raw("-a")}, 'cart', 'cart_an_' || k, NULL, spend_at, spend_at
       FROM bench_an_flow WHERE fate IN ('spent', 'giveback', 'debt')
       UNION ALL
       SELECT tx_id || '_g', wallet_id, 'reversal', a, ${raw("a")}, 'transaction', tx_id || '_d', tx_id || '_d',
         spend_at + interval '2 days', spend_at + interval '2 days'
       FROM bench_an_flow WHERE fate = 'giveback'
       UNION ALL
       SELECT tx_id || '_c', wallet_id, 'reversal', -a, ${raw("-a")}, 'clawback', tx_id || ':' || a, tx_id,
         claw_at, claw_at
       FROM bench_an_flow WHERE fate IN ('clawback', 'debt')
       UNION ALL
       SELECT tx_id || '_e', wallet_id, 'expiry', -a, ${raw("-a")}, 'lot', lot_id, NULL, expire_at, expire_at
       FROM bench_an_flow WHERE expired`
    )
    step("ledger")
    await run(
      `INSERT INTO loyalty_wallet_lot (id, wallet_id, transaction_id, amount, raw_amount, remaining, raw_remaining,
         available_at, released_at, expires_at, expired_at, created_at, updated_at)
       SELECT lot_id, wallet_id, tx_id, a, ${raw("a")}, rem, ${raw("rem")}, available_at,
         CASE WHEN available_at <= ${AT} THEN available_at END, expires_at,
         CASE WHEN expired THEN expire_at END, t, t
       FROM (SELECT *, CASE WHEN open AND NOT expired THEN a ELSE 0 END AS rem FROM bench_an_flow) f
       UNION ALL
       SELECT lot_id || '_debt', wallet_id, tx_id || '_c', -a, ${raw("-a")}, -a, ${raw("-a")}, NULL, NULL, NULL, NULL,
         claw_at, claw_at
       FROM bench_an_flow WHERE fate = 'debt'`
    )
    await run(
      `UPDATE loyalty_wallet w SET balance = s.total, raw_balance = ${raw("s.total")}
       FROM (SELECT wallet_id, sum(amount) AS total FROM loyalty_wallet_transaction
             WHERE wallet_id LIKE 'lw_an_%' GROUP BY wallet_id) s
       WHERE w.id = s.wallet_id`
    )
    step("lots")

    // Occasions: the birthday credits above, and Nowruz codes (half the
    // members who had joined by each Nowruz of the last two years; 40% of
    // them used within 30 days on the member's next order).
    await run(
      `INSERT INTO loyalty_occasion (id, kind, enabled, gift_type, batch_id, days_before, created_at, updated_at)
       VALUES ('locc_an_birthday', 'birthday', true, 'credit', NULL, 0, ${AT} - interval '740 days', ${AT} - interval '740 days'),
              ('locc_an_nowruz', 'nowruz', true, 'code', 'lcb_an_nowruz', 0, ${AT} - interval '740 days', ${AT} - interval '740 days')`
    )
    await run(
      `INSERT INTO loyalty_occasion_grant (id, kind, customer_id, period, occasion_date, gift_type, transaction_id,
         currency_code, amount, raw_amount, outcome, created_at, updated_at)
       SELECT reference_id, 'birthday', 'cus_an_' || c, to_char(t, 'YYYY'), to_char(t, 'YYYY-MM-DD'), 'credit', tx_id,
         'irr', a, ${raw("a")}, 'granted', t, t
       FROM bench_an_credit WHERE reference = 'occasion'`
    )
    const year = jalaliYearAt(at, timeZone)
    const nowruzes = [year - 2, year - 1, year]
      .map((y) => ({ y, at: nowruz(y, timeZone) }))
      .filter((n) => n.at.getTime() <= at.getTime() && n.at.getTime() > at.getTime() - 730 * 86400000)
    for (const n of nowruzes) {
      const N = `'${n.at.toISOString()}'::timestamptz`
      await run(
        `INSERT INTO loyalty_occasion_grant (id, kind, customer_id, period, occasion_date, gift_type, code_id,
           outcome, created_at, updated_at)
         SELECT 'logr_an_nz_${n.y}_' || c, 'nowruz', 'cus_an_' || c, '${n.y}', '${n.y}-01-01', 'code',
           'lcode_an_nz_${n.y}_' || c, 'granted', ${N}, ${N}
         FROM bench_an_cust WHERE kind <> 'guest' AND j < ${N} AND ${F(`nz${n.y}`, "c")} < 0.5`
      )
      await run(
        `INSERT INTO loyalty_code (id, batch_id, code, customer_id, expires_at, source, source_id, created_at, updated_at)
         SELECT 'lcode_an_nz_${n.y}_' || c, 'lcb_an_nowruz', 'NZ${n.y}-' || c, 'cus_an_' || c,
           ${N} + interval '30 days', 'occasion', 'logr_an_nz_${n.y}_' || c, ${N}, ${N}
         FROM bench_an_cust WHERE kind <> 'guest' AND j < ${N} AND ${F(`nz${n.y}`, "c")} < 0.5`
      )
      await run(
        `INSERT INTO loyalty_code_use (id, code_id, batch_id, order_id, customer_id, currency_code, discount,
           raw_discount, order_total, raw_order_total, used_at, released_at, created_at, updated_at)
         SELECT 'lcuse_an_nz_${n.y}_' || cu.c, 'lcode_an_nz_${n.y}_' || cu.c, 'lcb_an_nowruz', 'order_an_' || o.n,
           'cus_an_' || cu.c, o.currency, o.d, ${raw("o.d")}, o.amount, ${raw("o.amount")}, o.t,
           CASE WHEN o.canceled THEN least(o.t + interval '1 hour', ${AT}) END, o.t, o.t
         FROM bench_an_cust cu
         JOIN LATERAL (SELECT n, t, amount, currency, canceled, round(amount * 0.15)::bigint AS d FROM bench_an_src o
           WHERE o.c = cu.c AND o.t >= ${N} AND o.t < ${N} + interval '30 days' AND o.code_f >= 0.03
           ORDER BY o.t LIMIT 1) o ON true
         WHERE cu.kind <> 'guest' AND cu.j < ${N} AND ${F(`nz${n.y}`, "cu.c")} < 0.5 AND ${F(`nzu${n.y}`, "cu.c")} < 0.4`
      )
    }
    step("occasions")

    // Tiers: Silver, Gold, Platinum; 45% of members moved: up to Silver, on to
    // Gold and Platinum, some back down to Silver, some out of the club's tiers.
    await createTiersWorkflow(container).run({
      input: {
        tiers: [
          { name: "Silver", names: { fa: "نقره‌ای", en: "Silver" }, rank: 1, currency_code: "irr", min_spend: "15000000", qualification_window: "lifetime" },
          { name: "Gold", names: { fa: "طلایی", en: "Gold" }, rank: 2, currency_code: "irr", min_spend: "25000000", min_orders: 3, qualification_window: "rolling", window_days: 365 },
          { name: "Platinum", names: { fa: "پلاتینی", en: "Platinum" }, rank: 3, currency_code: "irr", min_spend: "70000000", min_orders: 5, qualification_window: "lifetime" },
        ],
      } as any,
    })
    const tiers: any[] = await service.listTiers({}, { order: { rank: "ASC" } })
    const [silver, gold, platinum] = tiers.map((t) => t.id)
    await run(
      `INSERT INTO loyalty_tier_history (id, customer_id, from_tier_id, to_tier_id, reason, created_at, updated_at)
       SELECT 'lthis_an_' || c || '_' || step, 'cus_an_' || c, from_tier, to_tier, reason, at_, at_
       FROM (
         SELECT c, p, t1, t2, t2 + ${F("t3", "c")} * (${AT} - t2) * 0.7 AS t3
         FROM (
           SELECT c, p, t1, t1 + ${F("t2", "c")} * (${AT} - t1) * 0.7 AS t2
           FROM (SELECT c, ${F("tier", "c")} AS p, j + ${F("t1", "c")} * (${AT} - j) * 0.5 AS t1
                 FROM bench_an_cust WHERE kind <> 'guest') a) b) m
       CROSS JOIN LATERAL (VALUES
         (1, NULL, ?, 'order', t1, p >= 0.55),
         (2, ?, CASE WHEN p < 0.98 THEN ? END, CASE WHEN p < 0.98 THEN 'order' ELSE 'evaluation' END, t2, p >= 0.80),
         (3, ?, CASE WHEN p < 0.95 THEN ? ELSE ? END, CASE WHEN p < 0.95 THEN 'order' ELSE 'evaluation' END, t3,
            p >= 0.90 AND p < 0.98)
       ) AS v(step, from_tier, to_tier, reason, at_, happens)
       WHERE happens`,
      [silver, silver, gold, gold, platinum, silver]
    )
    await run(
      `INSERT INTO loyalty_customer_tier (id, customer_id, tier_id, pinned, achieved_at, created_at, updated_at)
       SELECT DISTINCT ON (customer_id) 'lctr_an_' || substr(customer_id, 8), customer_id, to_tier_id, false,
         created_at, created_at, created_at
       FROM loyalty_tier_history WHERE id LIKE 'lthis_an_%'
       ORDER BY customer_id, created_at DESC`
    )
    step("tiers")

    for (const table of [
      "customer", '"order"', "order_summary", "order_credit_line", "loyalty_wallet", "loyalty_member_phone", "loyalty_pos_purchase",
      "loyalty_wallet_transaction", "loyalty_wallet_lot", "loyalty_code", "loyalty_code_use", "loyalty_code_batch",
      "loyalty_occasion_grant", "loyalty_referral", "loyalty_tier_history", "loyalty_customer_tier",
    ]) {
      await run(`ANALYZE ${table}`)
    }
    step("analyze")
    setup = (now() - start) / 1000
    expectedMembers = (await one(`SELECT count(*) FILTER (WHERE kind <> 'guest')::int AS n FROM bench_an_cust`)).n
    await run(`DROP TABLE bench_an_cust, bench_an_src, bench_an_wm, bench_an_ref, bench_an_credit, bench_an_flow`)
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
  const aggregate = `SELECT o.customer_id, o.currency_code, count(*) AS orders, sum(${ORDER_SPEND_SQL}) AS spend,
       min(o.created_at) AS first_at, max(o.created_at) AS last_at
     FROM "order" o JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
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
