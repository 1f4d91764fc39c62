#!/usr/bin/env node
// `npm run test:cluster [-- --quick] [-- --no-build] [-- --keep-logs]`: the
// production build run as a cluster, loaded, broken and checked. The logs of
// every process stay in the run's temp dir when it fails (or with --keep-logs).
//
// It starts an embedded PostgreSQL (in a temp dir, removed afterwards), Redis
// (REDIS_URL, which the run should have to itself; else `redis-server` from
// PATH on a free port, no persistence), builds the app (`npm run build`,
// skipped with --no-build), and runs `scripts/entrypoint.sh migrate`
// (LOYALTY_SEED=true), two `server`s and one `worker` through the same
// entrypoint as the Dockerfile, on 127.0.0.1. The recovery thresholds are
// short (LOYALTY_RECONCILE_AFTER_SECONDS=30, LOYALTY_CATCH_UP_GRACE_SECONDS=30)
// so that the recovery happens within the run.
//
// Then, in this order:
//   1. a server killed with SIGKILL while cart completions (half with wallet
//      credit) are in flight on it, as soon as two of them have debited their
//      wallets; the shoppers retry on the other server every interrupted cart
//      but half of those left with a debit and no order (whose shoppers never
//      come back); status and wait of the retries measured; the server is
//      restarted;
//   2. the same web checkouts (half with credit) through one server, then
//      through both: orders/s each way and the scale-out ratio;
//   3. till purchases, each receipt sent to both servers at once (a 409
//      "being registered" is tried again, as a till does);
//   4. more carts than one wallet can pay for, completed at once through both;
//   5. a burst of checkouts during which the worker is killed with SIGKILL and
//      restarted;
//   6. recovery: the worker's jobs give back the orphaned debits and award
//      what was missed; `scripts/entrypoint.sh exec
//      ./src/scripts/recover-loyalty.js` runs too once the crashed server's
//      cart locks (120 s) have expired (--quick), or two reconcile runs after
//      that (full run, so that its figure is the job's own); then the
//      shoppers who never came back complete their carts;
//   7. the invariants in SQL (scripts/cluster/checks.js) and the job ticks in
//      the logs. Exit code 1 names each broken invariant.
//
// Sizes:                      --quick      full
//   web orders (1 + 2 servers)  2 x 12     2 x 120
//   till receipts (sent twice)       8          60
//   carts on one wallet (pays)   6 (3)      12 (5)
//   worker-kill burst               10          60
//   completions at the crash         6          20
// The full run places about 330 web orders and 60 till purchases (the load
// of the report in issue 21): 5 to 7 minutes on 2 cores without the build.
// --quick (CI): about 3.5 minutes on an idle 2-core machine, build (about
// 40-60 s) included; the crash's cart locks (120 s) set its length.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { Client } = require("pg")
const checks = require("./cluster/checks")
const load = require("./cluster/load")
const { BUILD_DIR, Cluster, sleep, tail } = require("./cluster/processes")
const { completeCart, prepareCart, prepareShop, registerShopper, creditShopper } = require("./cluster/shop")

const args = process.argv.slice(2)
const QUICK = args.includes("--quick")
const BUILD = !args.includes("--no-build")
const KEEP_LOGS = args.includes("--keep-logs")

const SIZE = QUICK
  ? { orders: 12, concurrency: 4, receipts: 8, spendCarts: 6, affordable: 3, burst: 10, crash: 6 }
  : { orders: 120, concurrency: 8, receipts: 60, spendCarts: 12, affordable: 5, burst: 60, crash: 20 }

// Short thresholds, so that the recovery runs within the test. The defaults
// (module options) are 180 s and 600 s.
const RECONCILE_AFTER_SECONDS = 30
const CATCH_UP_GRACE_SECONDS = 30
const APP_ENV = {
  LOYALTY_RECONCILE_AFTER_SECONDS: String(RECONCILE_AFTER_SECONDS),
  LOYALTY_CATCH_UP_GRACE_SECONDS: String(CATCH_UP_GRACE_SECONDS),
}
const DEFAULT_RECONCILE_AFTER_SECONDS = 180
const RECONCILE_EVERY_SECONDS = 60
// Core's completeCartWorkflow locks the cart for two minutes: a crashed
// server's lock lasts that long.
const CART_LOCK_TTL_SECONDS = 120
const RECOVERY_DEADLINE_SECONDS = CART_LOCK_TTL_SECONDS + RECONCILE_EVERY_SECONDS * 2 + 60

const WARM_UP = 4
const RUN_ID = Date.now().toString(36)
const started = Date.now()
const figures = []
const broken = []

function log(message) {
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4)
  process.stdout.write(`[cluster ${s}s] ${message}\n`)
}

function figure(name, value, unit = "") {
  figures.push(`${name}: ${value}${unit ? ` ${unit}` : ""}`)
}

function invariant(name, problems) {
  if (problems.length) {
    broken.push(name)
    log(`BROKEN: ${name} (${problems.length})`)
    for (const p of problems.slice(0, 10)) log(`  ${p}`)
    if (problems.length > 10) log(`  ... and ${problems.length - 10} more`)
  } else {
    log(`ok: ${name}`)
  }
}

/** "3 x 200, 1 x 409" */
function count(list) {
  const counts = {}
  for (const key of list) counts[key] = (counts[key] ?? 0) + 1
  return Object.entries(counts).map(([k, n]) => `${n} x ${k}`).join(", ")
}

function round(n, digits = 2) {
  return Number.isFinite(n) ? Number(n.toFixed(digits)) : "n/a"
}

function runLogged(cluster, name, command, commandArgs, options) {
  const child = cluster.spawnLogged(name, command, commandArgs, options)
  return new Promise((resolve) => {
    child.once("error", (error) => resolve({ code: -1, error, child }))
    child.once("exit", (code, signal) => resolve({ code: signal || code, child }))
  })
}

async function build(cluster) {
  log("npm run build ...")
  const t = Date.now()
  const { code, child } = await runLogged(cluster, "build", "npm", ["run", "build"], { env: { ...process.env } })
  if (code !== 0) {
    throw new Error(`npm run build failed (${code}); see ${child.logFile}:\n${tail(child.logFile)}`)
  }
  figure("build time", round((Date.now() - t) / 1000, 0), "s")
}

// 1. A server killed while completions are in flight on it.
async function crashServer(cluster, db, shop, [survivor, victim]) {
  const shoppers = []
  for (let i = 0; i < SIZE.crash; i++) {
    const shopper = await registerShopper(survivor.url, shop, `crash-${RUN_ID}-${i}@cluster.test`)
    if (i % 2 === 0) await creditShopper(survivor.url, shop, shopper, "10000000")
    shoppers.push(shopper)
  }
  const carts = await load.pool(shoppers, 4, (shopper, i) =>
    prepareCart(() => survivor.url, shop, shopper, { credit: i % 2 === 0 ? "2000000" : undefined })
  )
  const cartIds = carts.map((c) => c.id)
  const debited = async () =>
    Number(
      (
        await db.query(
          `SELECT count(*) FROM loyalty_wallet_transaction
            WHERE type = 'debit' AND reference = 'cart' AND split_part(reference_id, '#', 1) = ANY($1)`,
          [cartIds]
        )
      ).rows[0].count
    )

  log(`crash: completing ${carts.length} carts on ${victim.name}, killing it once they have debited wallets`)
  const completions = carts.map((cart) => completeCart(victim.url, shop, cart, { timeoutMs: 120000 }))
  const deadline = Date.now() + 20000
  // Two debits when there are two credit carts: one cart left alone, one retried.
  const enough = Math.min(2, carts.filter((c) => c.credit !== "0").length)
  while (Date.now() < deadline && (await debited()) < enough) await sleep(10)
  await cluster.kill(victim.name)
  const crashAt = Date.now()
  const results = await Promise.all(completions)
  const interrupted = carts.filter((_, i) => results[i].status === 0)
  log(`crash: ${victim.name} killed; ${results.filter((r) => r.orderId).length} completed before, ${interrupted.length} interrupted`)

  // Carts the crash left with a debit and no order: the shoppers of half of
  // them never come back (the reconciliation must give their credit back),
  // the others retry on the surviving server like every other interrupted one.
  const orphans = new Set((await checks.orphanDebits(db)).map((d) => d.cart_id))
  const stranded = interrupted.filter((c) => orphans.has(c.id))
  const leftAlone = new Set(stranded.slice(0, Math.ceil(stranded.length / 2)).map((c) => c.id))
  const retried = interrupted.filter((c) => !leftAlone.has(c.id))
  log(`crash: ${stranded.length} carts debited without an order; ${leftAlone.size} left alone, ${retried.length} retried on ${survivor.name}`)

  // The retries wait for the dead server's cart locks; the load goes on
  // meanwhile (they cost nothing while they wait).
  const retries = Promise.all(
    retried.map(async (cart) => ({ cart, result: await completeCart(survivor.url, shop, cart, { timeoutMs: 120000 }) }))
  )
  await cluster.startApp(victim.name, "server", victim.env)
  await cluster.waitHealthy(cluster.apps.get(victim.name))
  log(`crash: ${victim.name} restarted`)
  return { crashAt, carts, interrupted, retries, leftAlone, stranded }
}

function reportRetries(retries) {
  if (!retries.length) {
    figure("retry after crash", "none (no completion was interrupted)")
    return
  }
  const waits = retries.map((r) => r.result.ms / 1000)
  figure("retry after crash status", count(retries.map(({ result }) => (result.orderId ? `${result.status} order` : `${result.status}`))))
  figure("retry after crash wait p50", round(load.percentile(waits, 50), 1), "s")
  figure("retry after crash wait max", round(Math.max(...waits), 1), "s")
  for (const { cart, result } of retries.filter((r) => !r.result.orderId).slice(0, 3)) {
    log(`  retry of ${cart.id}: ${result.status} after ${(result.ms / 1000).toFixed(1)} s: ${String(result.error).slice(0, 200)}`)
  }
}

// The same checkouts through one server, then through both, after a few
// through each to warm them up (a restarted server compiles its code paths
// on the first requests).
async function throughput(servers, shop, shoppers) {
  await load.webOrders(servers, shop, shoppers, WARM_UP, { concurrency: servers.length })
  const one = await load.webOrders([servers[0]], shop, shoppers, SIZE.orders, { concurrency: SIZE.concurrency })
  log(`one server: ${SIZE.orders} orders in ${one.seconds.toFixed(1)} s, ${one.failed.length} failed`)
  const two = await load.webOrders(servers, shop, shoppers, SIZE.orders, { concurrency: SIZE.concurrency })
  log(`two servers: ${SIZE.orders} orders in ${two.seconds.toFixed(1)} s, ${two.failed.length} failed`)
  figure("orders/s through one server", round(one.perSecond), "orders/s")
  figure("orders/s through two servers", round(two.perSecond), "orders/s")
  figure("scale-out ratio (two / one)", round(two.perSecond / one.perSecond))
  const placed = [...one.outcomes, ...two.outcomes].filter((o) => o.orderId)
  figure("cart completion p50", round(load.percentile(placed.map((o) => o.ms), 50), 0), "ms")
  return {
    errors: [...one.failed, ...two.failed].map((o) => o.error),
    orderIds: new Set(placed.map((o) => o.orderId)),
  }
}

async function burstWithWorkerKill(cluster, servers, shop, shoppers) {
  const worker = cluster.apps.get("worker")
  let restarted
  const killAfter = Math.ceil(SIZE.burst / 3)
  let done = 0
  const burst = await load.webOrders(servers, shop, shoppers, SIZE.burst, {
    concurrency: SIZE.concurrency,
    onOrder: () => {
      if (++done === killAfter) {
        restarted = (async () => {
          await cluster.kill("worker")
          log(`worker killed with SIGKILL after ${done} of ${SIZE.burst} burst orders`)
          await cluster.startApp("worker", "worker", worker.env)
          await cluster.waitHealthy(cluster.apps.get("worker"))
          log("worker restarted")
        })()
      }
    },
  })
  await restarted
  return burst.failed.map((o) => o.error)
}

function recoverScript() {
  for (const name of ["recover-loyalty.js", "recover-loyalty.ts"]) {
    if (fs.existsSync(path.join(BUILD_DIR, "src", "scripts", name))) return `./src/scripts/${name}`
  }
}

/**
 * Waits for the jobs to give back the orphaned debits and award every order;
 * once the crashed server's cart locks have expired and the threshold has
 * passed, runs the recovery script too (each run waits for nothing the jobs
 * would not).
 */
async function recover(cluster, db, crash, since) {
  const script = recoverScript()
  if (!script) log("recovery: no src/scripts/recover-loyalty in the build: waiting for the worker's jobs")
  // The awards of orders placed just now need their own minute at least.
  const deadline = Math.max(crash.crashAt + RECOVERY_DEADLINE_SECONDS * 1000, Date.now() + 90000)
  // --quick runs the script as soon as the dead server's cart locks are gone;
  // the full run leaves the give-back to the worker's job for two of its
  // runs after that, so that its figure is the job's own.
  const scriptAfter =
    crash.crashAt +
    (Math.max(RECONCILE_AFTER_SECONDS, CART_LOCK_TTL_SECONDS) + (QUICK ? 5 : 2 * RECONCILE_EVERY_SECONDS + 10)) * 1000
  let runs = 0
  while (true) {
    const orphans = await checks.orphanDebits(db)
    const unawarded = checks.awardProblems(await checks.ordersWithAwards(db, since))
    if (!orphans.length && !unawarded.length) {
      log("recovery: no orphaned debit, every order awarded")
      break
    }
    if (Date.now() > deadline) {
      log(`recovery: gave up: ${orphans.length} orphaned debits, ${unawarded.length} orders without their award`)
      break
    }
    if (script && Date.now() > scriptAfter) {
      runs++
      crash.scriptRunAt = crash.scriptRunAt ?? Date.now()
      const { code, child } = await cluster.exec("recover", script, [], APP_ENV)
      const said = tail(child.logFile, 40)
        .split("\n")
        .filter((l) => /^(returned_debits|skipped_locked_carts|awarded_orders|failed_orders): /.test(l))
        .slice(-4)
      log(`recovery: ${script} run ${runs} exited ${code}${said.length ? `: ${said.join(", ")}` : ""}`)
      if (code !== 0) await sleep(5000)
    } else {
      await sleep(3000)
    }
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-cluster-"))
  // PostgreSQL runs as the `postgres` user when we are root: it creates its
  // data folder in here.
  fs.chmodSync(dir, 0o777)
  const cluster = new Cluster({ dir, log })
  let db
  let failed = false
  const stop = async (signal) => {
    log(`${signal}: stopping everything`)
    await cluster.stopAll()
    process.exit(130)
  }
  process.once("SIGINT", () => stop("SIGINT"))
  process.once("SIGTERM", () => stop("SIGTERM"))

  log(`${QUICK ? "quick" : "full"} run; logs in ${dir}`)
  try {
    if (BUILD) await build(cluster)
    const [url] = await Promise.all([cluster.startPostgres(), cluster.startRedis()])
    log(`PostgreSQL: ${url}`)
    db = new Client({ connectionString: url })
    await db.connect()

    let t = Date.now()
    await cluster.migrate()
    figure("migrate and seed", round((Date.now() - t) / 1000, 0), "s")
    t = Date.now()
    const apps = await Promise.all([
      cluster.startApp("server-1", "server", APP_ENV),
      cluster.startApp("server-2", "server", APP_ENV),
      cluster.startApp("worker", "worker", APP_ENV),
    ])
    await Promise.all(apps.map((app) => cluster.waitHealthy(app)))
    figure("cluster start (2 servers, 1 worker)", round((Date.now() - t) / 1000, 0), "s")
    const servers = apps.slice(0, 2)
    log(`up: ${apps.map((a) => `${a.name} ${a.url}`).join(", ")}`)

    const since = (await db.query("SELECT now() AS now")).rows[0].now
    const shop = await prepareShop(servers[0].url)
    const webCount = SIZE.orders * 2 + SIZE.burst + WARM_UP + servers.length
    const shoppers = await load.makeShoppers(servers, shop, webCount, { concurrency: 4, runId: RUN_ID })
    log(`${shoppers.shoppers.length} shoppers registered and credited`)

    // One order through each server first: the cluster works at all.
    for (let i = 0; i < servers.length; i++) {
      const order = await load.webOrder([servers[i]], shop, shoppers.take(), 1)
      if (!order.orderId) throw new Error(`a first order through ${servers[i].name} failed: ${order.error}`)
    }
    log("a first order through each server: placed")

    const crash = await crashServer(cluster, db, shop, servers)

    const loadErrors = []
    const measured = await throughput(servers, shop, shoppers)
    loadErrors.push(...measured.errors)

    const till = await load.tillPurchases(servers, shop, SIZE.receipts, { concurrency: SIZE.concurrency, runId: RUN_ID })
    figure("till receipt sent twice at once, first answers", count(till.map((r) => [...r.first].sort().join("+"))))
    figure("till receipt sent twice at once, after the till's retries", count(till.map((r) => [...r.statuses].sort().join("+"))))
    invariant(
      "a receipt sent twice registers one purchase (one 201, one 200, the same order)",
      till
        .filter((r) => r.orders.length !== 1 || [...r.statuses].sort().join("+") !== "200+201")
        .map((r) => `${r.receipt_id}: ${r.statuses.join(", ")} ${r.errors.join("; ")}`)
    )

    const spends = await load.concurrentSpends(servers, shop, { carts: SIZE.spendCarts, affordable: SIZE.affordable, runId: RUN_ID })
    figure("concurrent spends of one wallet", `${spends.succeeded} of ${SIZE.spendCarts} paid (balance for ${SIZE.affordable})`)
    invariant(
      "concurrent spends of one wallet: exactly the affordable number succeed",
      spends.succeeded === SIZE.affordable ? [] : [`${spends.succeeded} succeeded, ${SIZE.affordable} affordable; refusals: ${spends.refusals.join(" | ")}`]
    )

    loadErrors.push(...(await burstWithWorkerKill(cluster, servers, shop, shoppers)))
    invariant("web orders outside the crash all placed", loadErrors)
    reportRetries(await crash.retries)

    await recover(cluster, db, crash, since)
    // When the orphaned debits came back (before their shoppers return below).
    crash.returns = (await checks.debitsOfCarts(db, crash.stranded.map((c) => c.id))).filter((d) => !d.has_order)

    // The shoppers whose carts the crash left behind come back after the
    // recovery: the cart pays again (or is refused for a shortfall) and
    // completes.
    const { rows: open } = await db.query(
      `SELECT id FROM cart WHERE id = ANY($1) AND completed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM order_cart oc WHERE oc.cart_id = cart.id AND oc.deleted_at IS NULL)`,
      [crash.carts.map((c) => c.id)]
    )
    const late = await Promise.all(
      crash.carts
        .filter((c) => open.some((r) => r.id === c.id))
        .map((cart, i) => completeCart(servers[i % 2].url, shop, cart))
    )
    figure(
      "retry after recovery",
      late.length ? count(late.map((r) => (r.orderId ? `${r.status} order` : `${r.status} ${String(r.error).slice(0, 80)}`))) : "no cart left open"
    )
    invariant(
      "a cart completed after the recovery pays again or is refused for a shortfall",
      late.filter((r) => !r.orderId && !/insufficient balance/i.test(String(r.error))).map((r) => `${r.status} ${r.error}`)
    )
    // Their cashback too.
    if (late.some((r) => r.orderId)) await recover(cluster, db, crash, since)

    // Figures from the database.
    const orders = await checks.ordersWithAwards(db, since)
    const latency = (o) =>
      (Math.min(...o.awards.map((a) => new Date(a.created_at).getTime())) - new Date(o.created_at).getTime()) / 1000
    const awarded = orders.filter((o) => o.awards.length)
    const latencies = awarded.filter((o) => measured.orderIds.has(o.id)).map(latency)
    figure("orders placed (web + till)", orders.length)
    figure("award latency p50 (throughput orders)", round(load.percentile(latencies, 50), 2), "s")
    figure("award latency p95 (throughput orders)", round(load.percentile(latencies, 95), 2), "s")
    figure("award latency max (all orders, worker kill included)", round(Math.max(...awarded.map(latency)), 1), "s")
    if (!crash.stranded.length) {
      figure("crash -> orphaned debit returned", "n/a (the crash left no debit without an order)")
    } else {
      figure("orphaned debits after the crash", `${crash.stranded.length} (${crash.leftAlone.size} never retried)`)
      const back = crash.returns.filter((d) => d.returned_at).map((d) => new Date(d.returned_at).getTime())
      if (back.length < crash.returns.length) {
        figure("crash -> orphaned debit returned", "not returned")
      } else {
        const last = Math.max(...back)
        const by = crash.scriptRunAt && crash.scriptRunAt <= last ? "recover-loyalty script" : "the reconcile job"
        figure(`crash -> orphaned debit returned (max, by ${by})`, round((last - crash.crashAt) / 1000, 0), "s")
      }
    }
    figure(
      "crash -> orphaned debit returned, test thresholds (expected at most)",
      Math.max(RECONCILE_AFTER_SECONDS, CART_LOCK_TTL_SECONDS) + RECONCILE_EVERY_SECONDS,
      "s"
    )
    figure(
      "crash -> orphaned debit returned, default config (expected at most)",
      Math.max(DEFAULT_RECONCILE_AFTER_SECONDS, CART_LOCK_TTL_SECONDS) + RECONCILE_EVERY_SECONDS,
      "s"
    )

    // The invariants.
    invariant("every order awarded exactly once per rule", checks.awardProblems(orders))
    invariant("every receipt registered once", await checks.receiptProblems(db, till.map((r) => r.receipt_id)))
    invariant(
      "no checkout debit without an order unless given back",
      (await checks.orphanDebits(db)).map((d) => `cart ${d.cart_id}: debit ${d.amount}, given back ${d.returned}`)
    )
    invariant("a cart with an order paid its credit once", await checks.paidOnceProblems(db))
    const balances = await checks.balanceProblems(db)
    invariant("cached wallet balances equal the ledger", balances.mismatched)
    invariant("no negative balance", balances.negative)
    invariant("no lot below zero or above its amount", await checks.lotProblems(db))
    const ticks = checks.jobTicks(cluster.logFiles)
    figure("job ticks logged", `${ticks.total} (${count(ticks.names)})`)
    invariant("each job tick run once across the cluster", ticks.twice)
    figure("job ticks taken up again after the worker was killed", ticks.rerun.length ? ticks.rerun.join("; ") : "none")
    if (!ticks.total) {
      invariant("the jobs log their ticks ([loyalty-job] <name> tick <minute>)", ["no tick line in any log"])
    }
  } catch (error) {
    failed = true
    log(`FAILED: ${error.message}`)
  } finally {
    await db?.end().catch(() => {})
    process.stdout.write(`\n${figures.join("\n")}\n\n`)
    if (failed || broken.length) {
      process.stdout.write(`${cluster.describeLogs()}\n\n`)
    }
    await cluster.stopAll()
    if (!failed && !broken.length && !KEEP_LOGS) fs.rmSync(dir, { recursive: true, force: true })
  }
  const total = round((Date.now() - started) / 1000, 0)
  if (failed || broken.length) {
    log(`cluster test FAILED in ${total} s${broken.length ? `; broken: ${broken.join("; ")}` : ""} (logs kept in ${dir})`)
    process.exit(1)
  }
  log(`cluster test passed in ${total} s`)
}

main()
