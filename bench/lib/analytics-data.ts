// The analytics benchmark's data set, shared by the benchmarks that need a
// shop at scale (bench/lib/analytics-exec.ts, bench/lib/segments-exec.ts):
// customers (most of them members, some guests) and orders over the last
// two years, written with set-based SQL straight into the order module's
// tables ("order", order_summary, order_credit_line, as the tier benchmark
// does) and the club's: wallets and member phones, ~10% of orders in store
// (till purchases at four locations), 3% canceled, 2% partly returned, 1%
// in another currency; a ledger with cashback credits (reference "order",
// half of them held for 14 days), debits, debits given back, take-backs
// (canceled orders and some more), expiries, a few debts and a few lots
// past their date that the expiry run has not reached yet; occasion credits
// and codes, code batches with their uses, referrals with their rewards;
// three tiers (Silver, Gold, Platinum) with history.
//
// Ids: customers `cus_an_<c>`, orders `order_an_<n>`, wallets `lw_an_<c>`.
// The source tables (bench_an_cust: c, kind, s, j; bench_an_src: one row
// per order n with its customer c, amount, currency, time t, canceled,
// in_store, location, ...) are dropped at the end unless `keepSources`, so
// a benchmark can derive more rows from them (then it drops them itself
// with `dropAnalyticsSources`).
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createTiersWorkflow } from "../../src/workflows"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import { jalaliYearAt, nowruz } from "../../src/utils/jalali"
import { now } from "./bench-utils"

/** Deterministic pseudo-random fractions in [0, 1) from a salt and a key (SQL). */
export const F = (salt: string, key: string) => `((hashtext('${salt}:' || (${key})::text) & 1048575) / 1048576.0)`
/** A numeric column's `raw_` JSON twin (SQL). */
export const raw = (value: string) => `jsonb_build_object('value', (${value})::text, 'precision', 20)`

const SOURCES = "bench_an_cust, bench_an_src, bench_an_wm, bench_an_ref, bench_an_credit, bench_an_flow"

/** Drops the source tables `insertAnalyticsData` kept (`keepSources`). */
export async function dropAnalyticsSources(container: MedusaContainer) {
  const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.raw(`DROP TABLE IF EXISTS ${SOURCES}`)
}

/**
 * Inserts the data set as of `at`; returns each step's seconds and how
 * many members (customers with a wallet or a member phone) it made.
 */
export async function insertAnalyticsData(
  container: MedusaContainer,
  options: { customers: number; orders: number; at: Date; timeZone: string; keepSources?: boolean }
): Promise<{ steps: [string, number][]; expectedMembers: number }> {
  const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const service: any = container.resolve(LOYALTY_CLUB_MODULE)
  const { at, timeZone } = options
  const CUSTOMERS = options.customers
  const ORDERS = options.orders
  const AT = `'${at.toISOString()}'::timestamptz`
  const run = (sql: string, bindings: unknown[] = []) => pg.raw(sql, bindings)
  const one = async (sql: string, bindings: unknown[] = []) => (await pg.raw(sql, bindings)).rows[0]
  const steps: [string, number][] = []
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
  const expectedMembers = (await one(`SELECT count(*) FILTER (WHERE kind <> 'guest')::int AS n FROM bench_an_cust`)).n
  if (!options.keepSources) {
    await run(`DROP TABLE ${SOURCES}`)
  }
  return { steps, expectedMembers }
}
