#!/usr/bin/env node
// `npm run test:storefront`: the demo storefront's journey in Debian's
// headless Chromium (playwright-core, /usr/bin/chromium; no browser is
// downloaded), against a demo store of its own.
//
// It builds the storefront (`next build` into storefront/.next-test, beside
// a running `npm run dev`), and meanwhile starts a database (embedded
// PostgreSQL in a temp dir, or a fresh database on DATABASE_URL's server),
// migrates and seeds the demo store and starts it with its SMS going to the
// demo phone (storefront/demo/sms-inbox.js). The shop gets a sign-up bonus
// and a 1% cap on credit per order, so the journey meets a clamp; the
// washing machine's cashback is held 14 days, so the order shows it pending. Then, in
// Persian and in English, at a phone's width (390 x 844) and a desktop's
// (1280 x 800), a new shopper: makes an account, joins the club with the
// code texted to their phone, browses with cashback badges, adds to the
// cart, pays part with credit (and is told why not more), places the order,
// sees its pending cashback, the tier progress, and opts out of SMS.
//
// It fails on any console error or page error, and on any amount on the
// page that differs from what the API answers (the test reads the API
// itself, as the shopper), or whose words do not say the amount its data
// attribute holds. Screenshots go to $TMPDIR/loyalty-club-storefront
// (STOREFRONT_SCREENSHOTS_DIR).
const { spawn } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { ROOT, freePort, startEmbedded } = require("./lib/database")
const { DEMO_ADMIN } = require("../demo/constants")

const STOREFRONT_DIR = path.join(ROOT, "storefront")
const { startSmsInbox } = require(path.join(STOREFRONT_DIR, "demo", "sms-inbox.js"))
// The store's project: this repository (another checkout for a try-out).
const APP_DIR = process.env.STOREFRONT_TEST_APP_DIR || ROOT
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next")
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const SHOTS = process.env.STOREFRONT_SCREENSHOTS_DIR || path.join(process.env.TMPDIR || os.tmpdir(), "loyalty-club-storefront")
const DIST_DIR = ".next-test"
const BONUS = "5000000"
const MAX_SHARE = 1

const started = Date.now()
const seconds = () => ((Date.now() - started) / 1000).toFixed(1)
const say = (message) => process.stdout.write(`[test-storefront ${seconds()}s] ${message}\n`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

const children = new Set()
function start(bin, args, { env, cwd = ROOT, logFile, detached = true } = {}) {
  const out = logFile ? fs.openSync(logFile, "a") : "ignore"
  const child = spawn(bin, args, { cwd, env, stdio: ["ignore", out, out], detached })
  if (logFile) fs.closeSync(out)
  children.add(child)
  child.once("exit", () => children.delete(child))
  return child
}
function finished(child, what) {
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${what} exited with ${code} (see its log)`))))
  )
}
async function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
  }
  const deadline = Date.now() + 15000
  while (children.size && Date.now() < deadline) await sleep(200)
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {}
  }
}
async function waitForUrl(url, timeoutMs, child, what) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    await sleep(500)
  }
  throw new Error(`${what} was not up at ${url} after ${timeoutMs / 1000} s`)
}

// The store's API, as the test reads it to compare with the page.
function api(base, { publishableKey, token } = {}) {
  return async (method, route, body) => {
    const res = await fetch(`${base}${route}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(publishableKey ? { "x-publishable-api-key": publishableKey } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await res.json().catch(() => null)
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`)
    return json
  }
}

// Runs the journeys against a storefront and store already up (`npm run dev`
// with the shop's settings as below): `--against <storefront> <store> <key>`.
async function against([sfUrl, storeUrl, publishableKey]) {
  const { token } = await api(storeUrl)("POST", "/auth/user/emailpass", DEMO_ADMIN)
  await api(storeUrl, { token })("POST", "/admin/loyalty/settings", { signup_bonus: { irr: BONUS }, max_credit_share: MAX_SHARE })
  fs.mkdirSync(SHOTS, { recursive: true })
  const { chromium } = require("playwright-core")
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] })
  try {
    const only = (process.env.STOREFRONT_TEST_ONLY || "fa-phone,fa-desktop,en-phone,en-desktop").split(",")
    let n = 0
    for (const label of only) {
      const [locale, name] = label.split("-")
      const viewport = name === "phone" ? { width: 390, height: 844 } : { width: 1280, height: 800 }
      await journey({ browser, sfUrl, storeUrl, publishableKey, inbox: null, locale, viewport, label, n: ++n })
      say(`journey ${label}: passed`)
    }
  } finally {
    await browser.close()
  }
}

async function main() {
  if (process.argv[2] === "--against") return against(process.argv.slice(3))
  fs.rmSync(SHOTS, { recursive: true, force: true })
  fs.mkdirSync(SHOTS, { recursive: true })
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-club-sf-"))
  // As root, the embedded PostgreSQL runs as its own user, which must reach
  // its data folder in here.
  fs.chmodSync(work, 0o777)
  const logs = {
    build: path.join(work, "next-build.log"),
    store: path.join(work, "store.log"),
    storefront: path.join(work, "storefront.log"),
  }
  say(`logs in ${work}`)

  // The build and the store's start run side by side.
  const build = finished(
    start(NEXT_BIN, ["build", STOREFRONT_DIR], {
      env: { ...process.env, STOREFRONT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      logFile: logs.build,
    }),
    "next build"
  ).then(() => say("storefront built"))
  build.catch(() => {})

  let databaseUrl
  let embedded
  let dropDatabase
  let inbox
  const cleanup = async () => {
    await stopAll()
    await inbox?.close()
    await embedded?.stop().catch(() => {})
    await dropDatabase?.().catch(() => {})
  }
  process.on("SIGINT", () => cleanup().then(() => process.exit(130)))
  process.on("SIGTERM", () => cleanup().then(() => process.exit(143)))
  try {
  if (process.env.DATABASE_URL) {
    const { Client } = require("pg")
    const name = `loyalty_sf_test_${crypto.randomBytes(4).toString("hex")}`
    const admin = new Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${name}`
    databaseUrl = url.toString()
    dropDatabase = async () => {
      const c = new Client({ connectionString: process.env.DATABASE_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  } else {
    embedded = await startEmbedded({ dataDir: path.join(work, "pgdata"), persistent: false, handleSignals: false })
    databaseUrl = embedded.url
  }
    const port = await freePort()
    const storeUrl = `http://localhost:${port}`
    const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOYALTY_PUBLIC_URL: storeUrl, LOG_LEVEL: "warn" }
    await finished(start(MEDUSA_BIN, ["db:migrate", "--execute-safe-links"], { env, cwd: APP_DIR, logFile: logs.store }), "medusa db:migrate")
    say("migrated")
    await finished(start(MEDUSA_BIN, ["exec", "./demo/seed.ts"], { env, cwd: APP_DIR, logFile: logs.store }), "the demo seed")
    say("seeded")
    inbox = await startSmsInbox({ log: (line) => fs.appendFileSync(logs.store, `${line}\n`) })
    const server = start(MEDUSA_BIN, ["start"], { env: { ...env, ...inbox.env, NODE_ENV: "development" }, cwd: APP_DIR, logFile: logs.store })
    await waitForUrl(`${storeUrl}/health`, 180000, server, "the store")
    say(`store up at ${storeUrl}`)

    const { Client } = require("pg")
    const db = new Client({ connectionString: databaseUrl })
    await db.connect()
    const { rows } = await db.query(`SELECT token FROM api_key WHERE type = 'publishable' AND title = 'Demo storefront' AND revoked_at IS NULL LIMIT 1`)
    await db.end()
    const publishableKey = rows[0].token
    const { token: adminToken } = await api(storeUrl)("POST", "/auth/user/emailpass", DEMO_ADMIN)
    await api(storeUrl, { token: adminToken })("POST", "/admin/loyalty/settings", { signup_bonus: { irr: BONUS }, max_credit_share: MAX_SHARE })

    await build
    const sfPort = await freePort()
    const sfUrl = `http://localhost:${sfPort}`
    const storefront = start(NEXT_BIN, ["start", STOREFRONT_DIR, "-p", String(sfPort)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        STOREFRONT_DIST_DIR: DIST_DIR,
        MEDUSA_BACKEND_URL: storeUrl,
        MEDUSA_PUBLISHABLE_KEY: publishableKey,
        DEMO_SMS_INBOX_URL: inbox.url,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      logFile: logs.storefront,
    })
    await waitForUrl(`${sfUrl}/`, 60000, storefront, "the storefront")
    say(`storefront up at ${sfUrl}`)

    const { chromium } = require("playwright-core")
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] })
    const failures = []
    try {
      let n = 0
      for (const locale of ["fa", "en"]) {
        for (const [width, height, name] of [
          [390, 844, "phone"],
          [1280, 800, "desktop"],
        ]) {
          n += 1
          const label = `${locale}-${name}`
          try {
            await journey({ browser, sfUrl, storeUrl, publishableKey, inbox, locale, viewport: { width, height }, label, n })
            say(`journey ${label}: passed`)
          } catch (error) {
            failures.push(`${label}: ${error.message}`)
            say(`journey ${label}: FAILED: ${error.message}`)
          }
        }
      }
    } finally {
      await browser.close()
    }
    if (failures.length) {
      throw new Error(`${failures.length} journey(s) failed:\n${failures.join("\n")}`)
    }
    say(`all journeys passed; screenshots in ${SHOTS}`)
  } finally {
    await cleanup()
  }
}

// One shopper's journey in one language and width.
async function journey({ browser, sfUrl, storeUrl, publishableKey, inbox, locale, viewport, label, n }) {
  const { parseShownMoney, sameAmount, toLatinDigits } = loadKit()
  const context = await browser.newContext({ viewport, locale: locale === "fa" ? "fa-IR" : "en-US", timezoneId: "Asia/Tehran" })
  await context.addCookies([{ name: "lang", value: locale, url: sfUrl }])
  const page = await context.newPage()
  page.setDefaultTimeout(30000)

  const errors = []
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()} (${m.location()?.url || page.url()})`))
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`))
  let step = 0
  const shot = async (name) => {
    step += 1
    await page.screenshot({ path: path.join(SHOTS, `${label}-${step}-${name}.png`), fullPage: true })
  }
  const checkErrors = (where) => {
    if (errors.length) throw new Error(`${where}: ${errors.join(" | ")}`)
  }
  // Every amount on the page says in words what its data attribute holds;
  // in Persian with Persian digits only.
  const checkShownAmounts = async (where) => {
    const shown = await page.$$eval("[data-loyalty-amount]", (els) =>
      els.map((e) => ({ amount: e.getAttribute("data-loyalty-amount"), currency: e.getAttribute("data-loyalty-currency"), text: e.textContent }))
    )
    for (const s of shown) {
      const read = parseShownMoney(s.text, s.currency)
      if (!sameAmount(read, s.amount)) throw new Error(`${where}: "${s.text}" shows ${read}, the page's data says ${s.amount}`)
      if (locale === "fa" && /[0-9]/.test(s.text)) throw new Error(`${where}: Latin digits in "${s.text}"`)
    }
    const dir = await page.getAttribute("html", "dir")
    if (dir !== (locale === "fa" ? "rtl" : "ltr")) throw new Error(`${where}: the page's direction is ${dir}`)
    return shown.length
  }
  const amountIn = async (selector) =>
    page.getAttribute(`${selector}[data-loyalty-amount], ${selector} [data-loyalty-amount]`, "data-loyalty-amount")
  // The page settles after a change (a cart's cashback is read again once
  // credit is on it): what it shows then must be the API's amount.
  const expectAmount = async (where, selector, expected) => {
    const deadline = Date.now() + 15000
    let got
    for (;;) {
      got = await amountIn(selector)
      if (got != null && sameAmount(got, String(expected))) return
      if (Date.now() > deadline) break
      await sleep(300)
    }
    throw new Error(`${where}: ${selector} shows ${got}, the API says ${expected}`)
  }


  try {
    await steps()
  } catch (error) {
    await page.screenshot({ path: path.join(SHOTS, `${label}-failed.png`), fullPage: true }).catch(() => {})
    throw error
  } finally {
    await context.close()
  }
  async function steps() {
  const email = `shopper-${Date.now()}-${n}@example.com`
  const phone = `+98912${String(crypto.randomInt(1000000, 9999999))}`

  // 1. An account, then the club by phone with the texted code.
  await page.goto(`${sfUrl}/account`)
  await page.fill("input[name=first_name]", locale === "fa" ? "مریم" : "Mary")
  await page.fill("input[name=email]", email)
  await page.fill("input[name=password]", "demo-password-1")
  await page.click("[data-test=register-form] button.button")
  await page.waitForSelector("[data-loyalty=phone-sign-up] input[name=phone]")
  await page.fill("[data-loyalty=phone-sign-up] input[name=phone]", phone)
  await page.click("[data-loyalty=phone-sign-up] button[type=submit]")
  await page.waitForSelector("[data-test=demo-code]")
  const hint = await page.textContent("[data-test=demo-code]")
  const code = inbox ? inbox.codeFor(phone) : /(\d{6})/.exec(toLatinDigits(hint))?.[1]
  if (!code || !toLatinDigits(hint).includes(code)) throw new Error(`sign-up: the demo hint "${hint}" does not show the texted code ${code}`)
  await shot("code-sent")
  await page.fill("[data-loyalty=phone-sign-up] input[name=code]", code)
  await page.click("[data-loyalty=phone-sign-up] button[type=submit]")
  await page.waitForSelector(`[data-loyalty=wallet-balance] [data-loyalty-amount="${BONUS}"]`)
  const token = await page.evaluate(() => localStorage.getItem("medusa_auth_token"))
  const shopper = api(storeUrl, { publishableKey, token })
  const q = `?locale=${locale}`
  const { wallets } = await shopper("GET", "/store/loyalty/wallets")
  await expectAmount("wallet", "[data-loyalty=wallet-balance] .lc-figure", wallets[0].balance.available)
  await page.waitForSelector("[data-loyalty=club-card]")
  await checkShownAmounts("account")
  await shot("joined")
  checkErrors("sign-up")

  // 2. Products with cashback badges.
  await page.goto(`${sfUrl}/`)
  await page.waitForSelector("[data-loyalty=cashback-product]")
  await page.waitForFunction(() => document.querySelectorAll("[data-loyalty=cashback-product]").length >= 4)
  const { regions } = await shopper("GET", "/store/regions")
  const iran = regions.find((r) => r.currency_code === "irr")
  for (const card of await page.$$("[data-test=product]")) {
    const variantId = await card.getAttribute("data-variant")
    const shown = await card.$eval("[data-loyalty=cashback-product] [data-loyalty-amount]", (e) => e.getAttribute("data-loyalty-amount"))
    const { cashback } = await shopper("GET", `/store/loyalty/cashback-preview?variant_id=${variantId}&region_id=${iran.id}&locale=${locale}`)
    if (!sameAmount(shown, cashback.total)) throw new Error(`product ${variantId}: badge shows ${shown}, the API says ${cashback.total}`)
  }
  await checkShownAmounts("products")
  await shot("products")
  await page.click("[data-product=washing-machine] [data-test=add]")
  await page.waitForSelector("[data-test=nav-cart] .count")

  // 3. The cart: credit on, clamped by the shop's maximum share.
  await page.click("[data-test=nav-cart]")
  await page.waitForSelector("[data-loyalty=credit-switch] input[role=switch]:not([disabled])")
  await page.click("[data-loyalty=credit-switch] input[role=switch]")
  await page.waitForSelector("[data-loyalty=credit-applied]")
  await page.waitForSelector("[data-test=cart-credit]")
  const cartId = await page.evaluate(() => localStorage.getItem("demo_cart_id"))
  const { cart } = await shopper("GET", `/store/carts/${cartId}?fields=+total,+credit_line_total,+item_total,+shipping_total`)
  await expectAmount("cart credit", "[data-loyalty=credit-applied]", cart.credit_line_total)
  await expectAmount("cart total", "[data-test=cart-total]", cart.total)
  await expectAmount("cart items", "[data-test=cart-items]", cart.item_total)
  await expectAmount("cart shipping", "[data-test=cart-shipping]", cart.shipping_total)
  const limit = await page.getAttribute("[data-loyalty=credit-limit]", "data-limit")
  if (limit !== "max_share") throw new Error(`cart: the credit's limit shown is ${limit}, expected max_share`)
  await page.waitForSelector("[data-loyalty=cashback-cart]")
  const { cashback: cartCashback } = await shopper("GET", `/store/loyalty/cashback-preview?cart_id=${cartId}${q.replace("?", "&")}`)
  await expectAmount("cart cashback", "[data-loyalty=cashback-cart]", cartCashback.total)
  await checkShownAmounts("cart")
  await shot("cart-credit")
  checkErrors("cart")

  // 4. The order and its pending cashback.
  await page.click("[data-test=place-order]")
  await page.waitForURL(/\/order\//, { timeout: 60000 })
  const orderId = page.url().split("/order/")[1]
  await page.waitForSelector("[data-loyalty=order-cashback]", { timeout: 60000 })
  const { order } = await shopper("GET", `/store/orders/${orderId}?fields=+total,+credit_line_total`)
  await expectAmount("order total", "[data-test=order-total]", order.total)
  await expectAmount("order credit", "[data-test=order-credit]", order.credit_line_total)
  const orderCashback = await shopper("GET", `/store/loyalty/orders/${orderId}/cashback${q}`)
  await expectAmount("order cashback", "[data-loyalty=order-cashback] .lc-row:first-child", orderCashback.total)
  const pending = orderCashback.cashback
    .filter((c) => c.state === "pending")
    .reduce((sum, c) => sum + BigInt(c.remaining), BigInt(0))
  if (pending <= BigInt(0)) throw new Error(`order: the API shows no pending cashback (${JSON.stringify(orderCashback.cashback)})`)
  await expectAmount("pending cashback", "[data-loyalty=cashback-pending]", pending.toString())
  await page.waitForSelector("[data-loyalty=tier-progress]")
  await checkShownAmounts("order")
  await shot("order")
  checkErrors("order")

  // 5. The club page: tier progress, wallet after the order, SMS opted out.
  await page.goto(`${sfUrl}/account`)
  await page.waitForSelector("[data-loyalty=tier-progress]")
  await page.waitForSelector("[data-loyalty=sms-preferences] input[role=switch]")
  const { customer_tier } = await shopper("GET", `/store/loyalty/tier${q}`)
  if (customer_tier.next_tier?.spend_needed && customer_tier.next_tier.spend_needed !== "0") {
    await expectAmount("tier", "[data-loyalty=tier-progress] .lc-muted", customer_tier.next_tier.spend_needed)
  }
  const after = (await shopper("GET", "/store/loyalty/wallets")).wallets[0]
  await page.waitForSelector(`[data-loyalty=wallet-balance] .lc-figure[data-loyalty-amount="${after.balance.available}"]`)
  await page.click("[data-loyalty=sms-preferences] input[role=switch]")
  await page.waitForSelector("[data-loyalty=sms-preferences] [role=status]")
  const { sms_preference } = await shopper("GET", "/store/loyalty/sms-preferences")
  if (sms_preference.opted_out !== true) throw new Error("sms: the switch did not opt the shopper out")
  if (await page.isChecked("[data-loyalty=sms-preferences] input[role=switch]")) {
    throw new Error("sms: the switch still shows the shopper opted in")
  }
  await checkShownAmounts("club")
  await shot("club")
  checkErrors("club")
  }
}

// The kit's own reading of shown amounts (TypeScript source, compiled on the fly).
let kit
function loadKit() {
  if (!kit) {
    const ts = require("typescript")
    const source = fs.readFileSync(path.join(ROOT, "src", "storefront", "format.ts"), "utf8")
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } })
    const m = { exports: {} }
    new Function("module", "exports", "require", outputText)(m, m.exports, require)
    kit = m.exports
  }
  return kit
}

main().then(
  () => {
    say(`passed in ${seconds()} s`)
    process.exit(0)
  },
  (error) => {
    process.stderr.write(`[test-storefront] FAILED after ${seconds()} s: ${error.stack || error.message}\n`)
    process.exit(1)
  }
)
