// The invariants, read in SQL from the plugin's tables and Medusa's own
// (order, order_cart, order_credit_line), after the load, the faults and the
// recovery. Each check returns the broken cases (empty when it holds).
const fs = require("fs")

const COFFEE_RULE = "3% on coffee%"
const TILL_RULE = "2% at the till"

// A checkout debit (`cart`, cart id, or `<cart id>#2`... for a cart paid
// again after its first debit was undone) and what has been given back of
// it: its reversal, or the partial give-backs keyed by its id.
const DEBITS = `
  SELECT d.id, d.wallet_id, d.reference_id, split_part(d.reference_id, '#', 1) AS cart_id,
         d.amount, d.created_at,
         COALESCE((SELECT sum(r.amount) FROM loyalty_wallet_transaction r
                    WHERE r.deleted_at IS NULL
                      AND (r.reverses_id = d.id
                           OR (r.reference = 'debit_give_back' AND r.reference_id LIKE d.id || ':%'))), 0) AS returned,
         (SELECT max(r.created_at) FROM loyalty_wallet_transaction r
           WHERE r.deleted_at IS NULL
             AND (r.reverses_id = d.id
                  OR (r.reference = 'debit_give_back' AND r.reference_id LIKE d.id || ':%'))) AS returned_at,
         EXISTS (SELECT 1 FROM order_cart oc WHERE oc.cart_id = split_part(d.reference_id, '#', 1)
                  AND oc.deleted_at IS NULL) AS has_order
    FROM loyalty_wallet_transaction d
   WHERE d.type = 'debit' AND d.reference = 'cart' AND d.deleted_at IS NULL`

/** Checkout debits whose cart has no order and that were not given back in full. */
async function orphanDebits(db) {
  const { rows } = await db.query(
    `SELECT * FROM (${DEBITS}) x WHERE NOT x.has_order AND x.amount + x.returned <> 0 ORDER BY x.created_at`
  )
  return rows
}

/** The checkout debits of `cartIds`, with what came back of them and when. */
async function debitsOfCarts(db, cartIds) {
  const { rows } = await db.query(`SELECT * FROM (${DEBITS}) x WHERE x.cart_id = ANY($1) ORDER BY x.created_at`, [cartIds])
  return rows
}

async function ruleIds(db) {
  const { rows } = await db.query(
    `SELECT id, name FROM loyalty_cashback_rule WHERE deleted_at IS NULL AND (name LIKE $1 OR name = $2)`,
    [COFFEE_RULE, TILL_RULE]
  )
  const coffee = rows.find((r) => r.name !== TILL_RULE)?.id
  const till = rows.find((r) => r.name === TILL_RULE)?.id
  if (!coffee || !till) throw new Error(`the demo rules "${COFFEE_RULE}" and "${TILL_RULE}" are missing`)
  return { coffee, till }
}

/**
 * The test's orders (placed since `since`) with the rules that must have paid
 * each: a web order of espresso beans earns the coffee rule, a till purchase
 * (an amount, no items) the till rule, nothing else (every shopper stays
 * below the first tier). With the award rows each has.
 */
async function ordersWithAwards(db, since) {
  const rules = await ruleIds(db)
  const { rows } = await db.query(
    `SELECT o.id, o.created_at, o.customer_id, sc.name AS channel,
            COALESCE(json_agg(json_build_object('rule_id', split_part(t.reference_id, ':', 2),
                                                'amount', t.amount::text, 'created_at', t.created_at))
                       FILTER (WHERE t.id IS NOT NULL), '[]') AS awards
       FROM "order" o
       LEFT JOIN sales_channel sc ON sc.id = o.sales_channel_id
       LEFT JOIN loyalty_wallet_transaction t
              ON t.type = 'credit' AND t.reference = 'order' AND t.deleted_at IS NULL
             AND t.reference_id LIKE o.id || ':%'
      WHERE o.created_at >= $1 AND o.deleted_at IS NULL
      GROUP BY o.id, sc.name
      ORDER BY o.created_at`,
    [since]
  )
  return rows.map((o) => ({
    ...o,
    expected: [o.channel === "In-store" ? rules.till : rules.coffee],
  }))
}

/** Orders whose awards are not exactly one row per expected rule. */
function awardProblems(orders) {
  const problems = []
  for (const o of orders) {
    const got = o.awards.map((a) => a.rule_id).sort()
    const want = [...o.expected].sort()
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      problems.push(`${o.id} (${o.channel}): awards for rules [${got.join(", ")}], expected [${want.join(", ")}]`)
    } else if (o.awards.some((a) => !(Number(a.amount) > 0))) {
      problems.push(`${o.id}: an award of ${o.awards.map((a) => a.amount).join(", ")}`)
    }
  }
  return problems
}

/** Receipts sent by the test that are not registered exactly once, with one order. */
async function receiptProblems(db, receiptIds) {
  const { rows } = await db.query(
    `SELECT p.receipt_id, count(*) AS n, count(DISTINCT p.order_id) AS orders,
            bool_and(o.id IS NOT NULL) AS has_orders
       FROM loyalty_pos_purchase p
       LEFT JOIN "order" o ON o.id = p.order_id AND o.deleted_at IS NULL
      WHERE p.deleted_at IS NULL AND p.receipt_id = ANY($1)
      GROUP BY p.receipt_id`,
    [receiptIds]
  )
  const byReceipt = new Map(rows.map((r) => [r.receipt_id, r]))
  const problems = []
  for (const id of receiptIds) {
    const r = byReceipt.get(id)
    if (!r) problems.push(`${id}: not registered`)
    else if (Number(r.n) !== 1 || Number(r.orders) !== 1 || !r.has_orders) {
      problems.push(`${id}: ${r.n} registrations, ${r.orders} orders`)
    }
  }
  // Till orders not claimed by a purchase would be registrations that lost
  // their receipt row.
  const { rows: strays } = await db.query(
    `SELECT o.id FROM "order" o JOIN sales_channel sc ON sc.id = o.sales_channel_id
      WHERE sc.name = 'In-store' AND o.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM loyalty_pos_purchase p WHERE p.order_id = o.id AND p.deleted_at IS NULL)`
  )
  for (const s of strays) problems.push(`in-store order ${s.id} has no receipt`)
  return problems
}

/** Orders paid with wallet credit whose cart's net debit differs from the credit line. */
async function paidOnceProblems(db) {
  const { rows } = await db.query(
    `SELECT o.id, oc.cart_id, sum(cl.amount) AS credit,
            (SELECT COALESCE(-sum(x.amount + x.returned), 0) FROM (${DEBITS}) x WHERE x.cart_id = oc.cart_id) AS paid
       FROM "order" o
       JOIN order_credit_line cl ON cl.order_id = o.id AND cl.deleted_at IS NULL AND cl.reference = 'loyalty_wallet'
       JOIN order_cart oc ON oc.order_id = o.id AND oc.deleted_at IS NULL
      WHERE o.deleted_at IS NULL AND o.status <> 'canceled'
      GROUP BY o.id, oc.cart_id`
  )
  return rows
    .filter((r) => Number(r.credit) !== Number(r.paid))
    .map((r) => `${r.id} (cart ${r.cart_id}): credit line ${r.credit}, wallet paid ${r.paid}`)
}

async function balanceProblems(db) {
  const { rows } = await db.query(
    `SELECT w.id, w.balance, w.raw_balance->>'value' AS raw,
            COALESCE((SELECT sum(t.amount) FROM loyalty_wallet_transaction t
                       WHERE t.wallet_id = w.id AND t.deleted_at IS NULL), 0) AS ledger
       FROM loyalty_wallet w WHERE w.deleted_at IS NULL`
  )
  return {
    mismatched: rows
      .filter((r) => Number(r.balance) !== Number(r.ledger) || Number(r.raw) !== Number(r.ledger))
      .map((r) => `${r.id}: cached ${r.balance} (raw ${r.raw}), ledger ${r.ledger}`),
    negative: rows.filter((r) => Number(r.balance) < 0).map((r) => `${r.id}: ${r.balance}`),
  }
}

async function lotProblems(db) {
  const { rows } = await db.query(
    `SELECT id, amount, remaining FROM loyalty_wallet_lot
      WHERE deleted_at IS NULL AND (remaining < 0 OR remaining > amount)`
  )
  return rows.map((r) => `${r.id}: remaining ${r.remaining} of ${r.amount}`)
}

/**
 * `[loyalty-job] <name> tick <ISO minute>` lines across every process's log:
 * each (job, tick) must appear once in the whole cluster. One exception, by
 * design: a tick the worker was running when the test killed it (SIGKILL)
 * is taken up again by the restarted worker (the job runner hands a job
 * whose process died to the next one), so it appears once before the kill
 * and once after it; such re-runs are counted apart (`rerun`), and the
 * money invariants show they wrote nothing twice.
 */
function jobTicks(logFiles) {
  const seen = new Map()
  const pattern = /\[loyalty-job\] (\S+) tick (\S+)|=== cluster test: \S+ killed with SIGKILL/g
  for (const file of logFiles) {
    let text
    try {
      text = fs.readFileSync(file, "utf8")
    } catch {
      continue
    }
    // The part of the log since the process last started (a kill ends one).
    let life = 0
    for (const m of text.matchAll(pattern)) {
      if (!m[1]) {
        life++
        continue
      }
      const key = `${m[1]} ${m[2]}`
      seen.set(key, [...(seen.get(key) ?? []), { file, life }])
    }
  }
  const twice = []
  const rerun = []
  for (const [key, runs] of seen) {
    if (runs.length < 2) continue
    // Twice in one process's life, or in two processes: run twice.
    const lives = new Set(runs.map((r) => `${r.file}#${r.life}`))
    const killedBetween = runs.length === 2 && lives.size === 2 && runs[0].file === runs[1].file
    ;(killedBetween ? rerun : twice).push(
      `${key} ran ${runs.length} times (${runs.map((r) => `${r.file}, life ${r.life + 1}`).join("; ")})`
    )
  }
  return {
    total: seen.size,
    names: [...seen.keys()].map((key) => key.split(" ")[0]),
    twice,
    rerun,
  }
}

module.exports = {
  awardProblems,
  balanceProblems,
  debitsOfCarts,
  jobTicks,
  lotProblems,
  ordersWithAwards,
  orphanDebits,
  paidOnceProblems,
  receiptProblems,
}
