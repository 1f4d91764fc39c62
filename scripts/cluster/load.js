// The load: web checkouts (with and without wallet credit), till purchases
// whose receipts arrive twice at once, and one wallet spent by more carts than
// it can pay for, spread over the servers given.
const {
  completeCart,
  creditShopper,
  ok,
  prepareCart,
  registerShopper,
  tillPurchase,
} = require("./shop")

// A shopper places at most this many orders of 29,000,000 IRR (espresso beans
// and delivery): 116,000,000 stays below the demo's first tier (150,000,000),
// so every web order earns the coffee rule alone, whatever the timing of the
// tier subscriber.
const ORDERS_PER_SHOPPER = 4
const ORDER_CREDIT = "2000000"
const WALLET_CREDIT = "10000000"

/** Runs `fn(item, index)` over `items`, at most `concurrency` at a time. */
async function pool(items, concurrency, fn) {
  const results = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}

function percentile(values, p) {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * Shoppers for `orders` web orders, registered through the storefront routes
 * (spread over the servers), each with wallet credit from the admin route.
 * `take()` hands out a shopper with an order left in their budget.
 */
async function makeShoppers(servers, shop, orders, { concurrency, runId }) {
  const count = Math.ceil(orders / ORDERS_PER_SHOPPER) + 1
  const shoppers = await pool(Array.from({ length: count }), concurrency, async (_, i) => {
    const base = servers[i % servers.length].url
    const shopper = await registerShopper(base, shop, `shopper-${runId}-${i}@cluster.test`)
    await creditShopper(base, shop, shopper, WALLET_CREDIT)
    shopper.orders = 0
    return shopper
  })
  let cursor = 0
  return {
    shoppers,
    take() {
      for (let n = 0; n < shoppers.length; n++) {
        const s = shoppers[cursor++ % shoppers.length]
        if (s.orders < ORDERS_PER_SHOPPER) {
          s.orders++
          return s
        }
      }
      throw new Error("the load ran out of shoppers")
    },
  }
}

/**
 * One web checkout: every other one pays part with wallet credit. Each step
 * goes to the next server in turn (a round-robin balancer), the completion
 * to server `i mod n`.
 */
async function webOrder(servers, shop, shopper, i) {
  const pick = (step) => servers[(i + step) % servers.length].url
  const started = Date.now()
  const cart = await prepareCart(pick, shop, shopper, { credit: i % 2 ? ORDER_CREDIT : undefined })
  const result = await completeCart(servers[i % servers.length].url, shop, cart)
  return { ...result, cartId: cart.id, credit: cart.credit, totalMs: Date.now() - started }
}

/**
 * `count` web orders through `servers`, `concurrency` at a time; resolves
 * with each outcome and the throughput. `onOrder` sees each as it ends.
 */
async function webOrders(servers, shop, shoppers, count, { concurrency, onOrder = () => {} }) {
  const started = Date.now()
  const outcomes = await pool(Array.from({ length: count }), concurrency, async (_, i) => {
    let outcome
    try {
      outcome = await webOrder(servers, shop, shoppers.take(), i)
    } catch (error) {
      outcome = { error: error.message }
    }
    onOrder(outcome, i)
    return outcome
  })
  const seconds = (Date.now() - started) / 1000
  return {
    outcomes,
    seconds,
    perSecond: count / seconds,
    failed: outcomes.filter((o) => !o.orderId),
  }
}

/**
 * Sends one receipt as a till does: a 409 (the same receipt being registered
 * by another request right now) is tried again shortly, for at most 20 s.
 * Resolves with the first answer's status and the last answer.
 */
async function sendReceipt(base, shop, receipt) {
  const deadline = Date.now() + 20000
  let first
  while (true) {
    const res = await tillPurchase(base, shop, receipt)
    first = first ?? res.status
    if (res.status !== 409 || Date.now() > deadline) return { first, ...res }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/**
 * Till purchases, each receipt sent to every server at the same moment (a
 * till that retried through the balancer). Half the phones come twice, so
 * members also come back. Resolves with the answers per receipt.
 */
async function tillPurchases(servers, shop, count, { concurrency, runId }) {
  const receipts = Array.from({ length: count }, (_, i) => ({
    receipt_id: `cluster-${runId}-${i}`,
    phone: `+98912${String(3000000 + Math.floor(i / 2)).padStart(7, "0")}`,
    amount: String(12000000 + 100000 * i),
  }))
  const answers = await pool(receipts, concurrency, async (receipt) => {
    const results = await Promise.all(servers.map((s) => sendReceipt(s.url, shop, receipt)))
    return { receipt, results }
  })
  return answers.map(({ receipt, results }) => ({
    receipt_id: receipt.receipt_id,
    first: results.map((r) => r.first),
    statuses: results.map((r) => r.status),
    orders: [...new Set(results.map((r) => r.body?.purchase?.order_id).filter(Boolean))],
    errors: results.filter((r) => r.status >= 300 || r.status === 0).map((r) => `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`),
  }))
}

/**
 * One wallet, `carts` carts each asking for `each` of it, all completed at
 * once through alternating servers; the wallet holds `affordable` times
 * `each`. The cashback of the winners cannot make another one affordable
 * (3% of what the card paid, far below `each`).
 */
async function concurrentSpends(servers, shop, { carts, affordable, runId }) {
  const each = "10000000"
  const base = servers[0].url
  const shopper = await registerShopper(base, shop, `spender-${runId}@cluster.test`)
  const { wallet } = await ok(base, "POST", "/admin/loyalty/wallets", {
    token: shop.admin,
    body: { customer_id: shopper.id, currency_code: "irr" },
  })
  await ok(base, "POST", `/admin/loyalty/wallets/${wallet.id}/credit`, {
    token: shop.admin,
    body: { amount: String(Number(each) * affordable), note: "Cluster test: concurrent spends" },
  })
  const prepare = (i) =>
    prepareCart((step) => servers[(i + step) % servers.length].url, shop, shopper, { credit: each })
  // The first payment session creates the shopper's account holder at the
  // payment provider; core's payment session route creates it without a
  // lock, so two first sessions at once collide (400 "Account holder ...
  // already exists"). The other carts are prepared together after it.
  const first = await prepare(0)
  const prepared = [first, ...(await pool(Array.from({ length: carts - 1 }), 4, (_, i) => prepare(i + 1)))]
  const results = await Promise.all(
    prepared.map((cart, i) => completeCart(servers[i % servers.length].url, shop, cart))
  )
  return {
    walletId: wallet.id,
    cartIds: prepared.map((c) => c.id),
    applied: prepared.map((c) => c.credit),
    succeeded: results.filter((r) => r.orderId).length,
    refusals: results.filter((r) => !r.orderId).map((r) => `${r.status} ${r.error}`),
  }
}

module.exports = {
  concurrentSpends,
  makeShoppers,
  percentile,
  pool,
  tillPurchases,
  webOrder,
  webOrders,
}
