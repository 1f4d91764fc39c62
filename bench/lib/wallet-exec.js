// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
const { Pool } = require("pg")
const { randomUUID } = require("crypto")
const { rawDebit } = require("./raw-debit")

const args = JSON.parse(process.env.BENCH_ARGS || "[]")
// `--quick`: the small size CI runs.
const quick = args.includes("--quick")
const opt = (name, fallback, quickFallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : quick && quickFallback !== undefined ? quickFallback : fallback
}
const WALLETS = opt("wallets", 10000, 300)
const LOTS = opt("lots", 1000000, 5000)
const DEBITS = opt("debits", 4000, 150)
const CONCURRENCY = opt("concurrency", 8, 4)
const HISTORY = opt("history", 10000, 500)
const READS = quick ? 40 : 300

// A result the benchmark must get right; a wrong one exits non-zero.
function check(name, ok, detail) {
  if (!ok) {
    throw new Error(`bench check failed: ${name}: ${detail}`)
  }
  process.stdout.write(`check_${name}: ok (${detail})\n`)
}

const print = (name, value, unit) =>
  process.stdout.write(`${name}: ${typeof value === "number" ? value.toFixed(2) : value} ${unit}\n`)
const id = (prefix) => `${prefix}_${randomUUID().replace(/-/g, "").toUpperCase()}`
const raw = (v) => JSON.stringify({ value: String(v), precision: 20 })

async function timed(fn) {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e9
}

async function runConcurrent(total, concurrency, fn) {
  let next = 0
  const worker = async () => {
    while (next < total) {
      const i = next++
      await fn(i)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

async function seedWallets(pool, count, prefix, lotAmount) {
  await pool.query(
    `INSERT INTO loyalty_wallet (id, customer_id, currency_code, status, balance, raw_balance)
     SELECT '${prefix}_' || g, 'cus_${prefix}_' || g, 'irr', 'active', $2, $3::jsonb FROM generate_series(1, $1) g`,
    [count, lotAmount, raw(lotAmount)]
  )
  await pool.query(
    `INSERT INTO loyalty_wallet_transaction (id, wallet_id, type, amount, raw_amount, reference, reference_id)
     SELECT 'tx_${prefix}_' || g, '${prefix}_' || g, 'credit', $2, $3::jsonb, 'seed', '${prefix}_' || g FROM generate_series(1, $1) g`,
    [count, lotAmount, raw(lotAmount)]
  )
  await pool.query(
    `INSERT INTO loyalty_wallet_lot (id, wallet_id, transaction_id, amount, raw_amount, remaining, raw_remaining, expires_at)
     SELECT 'lot_${prefix}_' || g, '${prefix}_' || g, 'tx_${prefix}_' || g, $2, $3::jsonb, $2, $3::jsonb, now() + interval '300 days'
     FROM generate_series(1, $1) g`,
    [count, lotAmount, raw(lotAmount)]
  )
  await pool.query("VACUUM ANALYZE")
}

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

module.exports.default = async function walletBench({ container }) {
  const service = container.resolve("loyalty_club")
  const { debitWalletWorkflow } = require("../../src/workflows")
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 })

  print("wallets", WALLETS, "count")
  print("concurrency", CONCURRENCY, "requests")

  // 1. Debits spread over many wallets.
  await seedWallets(pool, WALLETS, "spread", 1000000)
  const pick = (i) => `spread_${(i * 7919) % WALLETS + 1}`
  // Three alternating rounds; each figure is the median round.
  const ROUNDS = 3
  const spread = { raw: [], service: [], workflow: [] }
  for (let r = 0; r < ROUNDS; r++) {
    spread.raw.push(await timed(() =>
      runConcurrent(DEBITS, CONCURRENCY, (i) => rawDebit(pool, pick(i), 100, `r${r}_${i}`))
    ))
    spread.service.push(await timed(() =>
      runConcurrent(DEBITS, CONCURRENCY, (i) =>
        service.debitWallet({ wallet_id: pick(i), amount: 100, reference: "bench", reference_id: `p${r}_${i}` })
      )
    ))
    spread.workflow.push(await timed(() =>
      runConcurrent(DEBITS, CONCURRENCY, (i) =>
        debitWalletWorkflow(container).run({
          input: { wallet_id: pick(i), amount: 100, reference: "bench-wf", reference_id: `w${r}_${i}` },
        })
      )
    ))
  }
  const rawSpread = median(spread.raw)
  const pluginSpread = median(spread.service)
  const wfSpread = median(spread.workflow)
  print("spread_debits_raw_sql", DEBITS / rawSpread, "debits/s")
  print("spread_debits_plugin_service", DEBITS / pluginSpread, "debits/s")
  print("spread_debits_plugin_workflow", DEBITS / wfSpread, "debits/s")
  print("spread_debits_ratio_service_vs_raw", rawSpread / pluginSpread, "x (target >= 0.5)")
  print("spread_debits_ratio_workflow_vs_raw", rawSpread / wfSpread, "x")

  // 2. Debits on one hot wallet (every debit waits for the one before it).
  await seedWallets(pool, 1, "hot", 100000000)
  const hotDebits = Math.min(DEBITS, 2000)
  const hot = { raw: [], service: [] }
  for (let r = 0; r < ROUNDS; r++) {
    hot.raw.push(await timed(() =>
      runConcurrent(hotDebits, CONCURRENCY, (i) => rawDebit(pool, "hot_1", 10, `r${r}_${i}`))
    ))
    hot.service.push(await timed(() =>
      runConcurrent(hotDebits, CONCURRENCY, (i) =>
        service.debitWallet({ wallet_id: "hot_1", amount: 10, reference: "bench", reference_id: `p${r}_${i}` })
      )
    ))
  }
  const rawHot = median(hot.raw)
  const pluginHot = median(hot.service)
  print("hot_wallet_debits_raw_sql", hotDebits / rawHot, "debits/s")
  print("hot_wallet_debits_plugin_service", hotDebits / pluginHot, "debits/s")
  print("hot_wallet_debits_ratio_service_vs_raw", rawHot / pluginHot, "x (target >= 0.5)")

  // 3. Balance read of a wallet with a long history.
  await pool.query(
    `INSERT INTO loyalty_wallet (id, customer_id, currency_code, status, balance, raw_balance)
     VALUES ('history_1', 'cus_history', 'irr', 'active', $1, $2::jsonb)`,
    [HISTORY * 1000, raw(HISTORY * 1000)]
  )
  await pool.query(
    `INSERT INTO loyalty_wallet_transaction (id, wallet_id, type, amount, raw_amount, reference, reference_id, created_at)
     SELECT 'tx_h_' || g, 'history_1', 'credit', 1000, '{"value":"1000","precision":20}'::jsonb, 'seed', 'h' || g,
            now() - (g || ' minutes')::interval
     FROM generate_series(1, $1) g`,
    [HISTORY]
  )
  // Worst case: every credit still has an open lot, so the read sums them all.
  await pool.query(
    `INSERT INTO loyalty_wallet_lot (id, wallet_id, transaction_id, amount, raw_amount, remaining, raw_remaining, expires_at)
     SELECT 'lot_h_' || g, 'history_1', 'tx_h_' || g, 1000, '{"value":"1000","precision":20}'::jsonb, 1000,
            '{"value":"1000","precision":20}'::jsonb, now() + ((g % 90 + 1) || ' days')::interval
     FROM generate_series(1, $1) g`,
    [HISTORY]
  )
  await pool.query("VACUUM ANALYZE")
  const reads = []
  for (let i = 0; i < READS; i++) {
    const t = await timed(() => service.getBalances(["history_1"]))
    if (i >= Math.floor(READS / 15)) reads.push(t * 1000)
  }
  const check_ = (await service.getBalances(["history_1"]))["history_1"].available
  print("balance_read_transactions", HISTORY, "rows")
  print("balance_read_available", check_, "IRR")
  print("balance_read_median", median(reads), "ms (target < 5)")

  // 4. Expiring due lots: the plugin's batched run vs one raw statement.
  const lotWallets = Math.max(1, Math.min(WALLETS, LOTS))
  const seedDueLots = async () => {
    await pool.query("DELETE FROM loyalty_wallet_lot_allocation WHERE lot_id LIKE 'due_%'")
    await pool.query("DELETE FROM loyalty_wallet_transaction WHERE reference = 'lot' AND reference_id LIKE 'due_%'")
    await pool.query("DELETE FROM loyalty_wallet_lot WHERE id LIKE 'due_%'")
    await pool.query(
      `INSERT INTO loyalty_wallet_lot (id, wallet_id, transaction_id, amount, raw_amount, remaining, raw_remaining, expires_at)
       SELECT 'due_' || g, 'spread_' || ((g % $2) + 1), 'tx_due', 500, '{"value":"500","precision":20}'::jsonb, 500,
              '{"value":"500","precision":20}'::jsonb, now() - interval '1 day'
       FROM generate_series(1, $1) g`,
      [LOTS, lotWallets]
    )
    // Keep the cached balances equal to the ledger, as every write does.
    await pool.query(
      `UPDATE loyalty_wallet w SET balance = b.total, raw_balance = jsonb_build_object('value', b.total::text, 'precision', 20)
       FROM (SELECT wallet_id, SUM(remaining) AS total FROM loyalty_wallet_lot GROUP BY wallet_id) b
       WHERE w.id = b.wallet_id`
    )
    await pool.query("VACUUM ANALYZE")
  }
  // The same operation as the plugin's expiry, as one plain statement with no
  // batching and no lock-skipping: zero the due lots, write one expiry row
  // and allocation per lot, lower the cached wallet balances.
  const RAW_EXPIRY = `
    WITH due AS (
      SELECT id, wallet_id, remaining FROM loyalty_wallet_lot
      WHERE expires_at <= now() AND remaining > 0 AND expired_at IS NULL AND deleted_at IS NULL
      FOR UPDATE
    ), lowered AS (
      UPDATE loyalty_wallet w SET balance = w.balance - d.total,
        raw_balance = jsonb_build_object('value', (w.balance - d.total)::text, 'precision', 20), updated_at = now()
      FROM (SELECT wallet_id, SUM(remaining) AS total FROM due GROUP BY wallet_id) d
      WHERE w.id = d.wallet_id RETURNING 1
    ), zeroed AS (
      UPDATE loyalty_wallet_lot l SET remaining = 0, raw_remaining = '{"value":"0","precision":20}'::jsonb,
        expired_at = now(), updated_at = now()
      FROM due WHERE l.id = due.id RETURNING l.id
    ), tx AS (
      INSERT INTO loyalty_wallet_transaction (id, wallet_id, type, amount, raw_amount, reference, reference_id, created_at, updated_at)
      SELECT 'lwtx_' || upper(replace(gen_random_uuid()::text, '-', '')), due.wallet_id, 'expiry', -due.remaining,
        jsonb_build_object('value', (-due.remaining)::text, 'precision', 20), 'lot', due.id, now(), now()
      FROM due RETURNING id, reference_id, amount
    ), alloc AS (
      INSERT INTO loyalty_wallet_lot_allocation (id, transaction_id, lot_id, amount, raw_amount, created_at, updated_at)
      SELECT 'lwalc_' || upper(replace(gen_random_uuid()::text, '-', '')), tx.id, tx.reference_id, -tx.amount,
        jsonb_build_object('value', (-tx.amount)::text, 'precision', 20), now(), now()
      FROM tx RETURNING 1
    )
    SELECT count(*)::int AS count FROM zeroed`

  await seedDueLots()
  let rawCount = 0
  const rawExpiry = await timed(async () => {
    rawCount = (await pool.query(RAW_EXPIRY)).rows[0].count
  })
  await seedDueLots()
  let pluginResult
  const pluginExpiry = await timed(async () => {
    pluginResult = await service.expireDueLots()
  })
  print("expiry_lots", LOTS, "lots")
  print("expiry_raw_sql_one_statement", rawExpiry, `s (${rawCount} lots)`)
  print("expiry_plugin", pluginExpiry, `s (${pluginResult.lots} lots in ${pluginResult.batches} batches)`)
  print("expiry_ratio_plugin_vs_raw", pluginExpiry / rawExpiry, "x time (target <= 1.5)")

  const [{ consistent }] = (
    await pool.query(
      `SELECT bool_and(w.balance = COALESCE(t.total, 0)) AS consistent FROM loyalty_wallet w
       LEFT JOIN (SELECT wallet_id, SUM(amount) AS total FROM loyalty_wallet_transaction GROUP BY wallet_id) t
       ON t.wallet_id = w.id WHERE w.id NOT LIKE 'spread_%'`
    )
  ).rows
  print("cached_balances_equal_ledger_outside_seeded_spread_wallets", String(consistent), "")
  print("peak_rss", process.resourceUsage().maxRSS / 1024, "MB")

  // Every debit landed once: each round's plugin debits (service and
  // workflow) on the spread wallets, and the hot wallet's.
  const { rows: [debits] } = await pool.query(
    `SELECT count(*) FILTER (WHERE reference = 'bench')::int AS service,
       count(*) FILTER (WHERE reference = 'bench-wf')::int AS workflow,
       count(*) FILTER (WHERE reference = 'bench-raw')::int AS raw,
       count(*) FILTER (WHERE wallet_id = 'hot_1')::int AS hot
     FROM loyalty_wallet_transaction WHERE type = 'debit'`
  )
  check(
    "every_debit_once",
    debits.service === ROUNDS * (DEBITS + hotDebits) &&
      debits.workflow === ROUNDS * DEBITS &&
      debits.raw === ROUNDS * (DEBITS + hotDebits) &&
      debits.hot === 2 * ROUNDS * hotDebits,
    `${debits.service} service, ${debits.workflow} workflow, ${debits.raw} raw debits`
  )
  // The hot wallet: 100,000,000 less 10 per debit (plugin and raw).
  const hotBalance = (await service.getBalances(["hot_1"]))["hot_1"].available
  check("hot_wallet_balance", String(hotBalance) === String(100000000 - 10 * debits.hot), `${hotBalance} IRR`)
  check("history_balance", String(check_) === String(HISTORY * 1000), `${check_} IRR`)
  check("expiry_counts", rawCount === LOTS && pluginResult.lots === LOTS, `${rawCount} raw, ${pluginResult.lots} plugin`)
  check("cached_balances_equal_ledger", consistent === true, "outside the seeded spread wallets")
  await pool.end()
}
