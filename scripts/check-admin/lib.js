// What the admin check's steps (scripts/check-admin.js and every file here)
// share: the store's URL and the screenshots folder, Chromium and the login,
// the admin API through the logged-in page, the fields a save changed, a save
// button's request and answer, and running one check on its own against a
// running store.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { DEMO_ADMIN } = require("../../demo/constants")

const BASE = process.argv[2] || "http://localhost:9000"
// Outside the project: `medusa develop` restarts on any file written inside it.
const OUT =
  process.env.SCREENSHOTS_DIR ||
  path.join(os.tmpdir(), "loyalty-club-screenshots")

const say = (line) => process.stdout.write(`${line}\n`)

function expect(condition, message) {
  if (!condition) {
    throw new Error(message)
  }
}

/** Debian's headless Chromium and one page, patient with Vite's first load. */
async function launchBrowser() {
  const { chromium } = require("playwright-core")
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1400 },
  })
  // The dev admin is served by Vite: its first load compiles, so be patient.
  page.setDefaultNavigationTimeout(180000)
  return { browser, page }
}

/**
 * Logs in through the form. A page loaded while `medusa develop` restarts
 * stays blank, and a login sent then fails: so load it again, a few times.
 */
async function login(page) {
  const email = page.locator('input[name="email"]')
  for (let attempt = 1; ; attempt++) {
    try {
      await waitForServer()
      await page.goto(`${BASE}/app/login`, { waitUntil: "domcontentloaded" })
      // The first load compiles the admin (Vite): be patient.
      await email
        .or(page.getByRole("link", { name: "Orders" }))
        .first()
        .waitFor({ timeout: 120000 })
      if (!(await email.isVisible())) {
        return // still logged in
      }
      await email.fill(DEMO_ADMIN.email)
      await page.fill('input[name="password"]', DEMO_ADMIN.password)
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/app\/orders/, { timeout: 60000 })
      return
    } catch (error) {
      if (attempt >= 4) throw error
      say(`(login: trying again after: ${error.message.split("\n")[0]})`)
    }
  }
}

/** Waits until the server answers; true if it was down. */
async function waitForServer() {
  const until = Date.now() + 180000
  let down = false
  while (Date.now() < until) {
    try {
      const res = await fetch(`${BASE}/health`)
      if (res.ok) return down
    } catch {}
    down = true
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${BASE} did not come up: is \`npm run dev\` running?`)
}

async function serverRestarted(page) {
  const down = await waitForServer()
  const me = await page.request.get(`${BASE}/admin/users/me`).catch(() => null)
  return down || !me || me.status() === 401
}

/** The admin API with the page's session: the answer's JSON, or throws. */
function adminApi(page, base) {
  return async (method, url, body) => {
    const res = await page.request.fetch(`${base}${url}`, {
      method,
      data: body,
      headers: body ? { "content-type": "application/json" } : undefined,
    })
    const json = await res.json().catch(() => ({}))
    if (!res.ok()) {
      throw new Error(
        `${method} ${url} answered ${res.status()}: ${json.message}`
      )
    }
    return json
  }
}

/** The admin API on BASE: the answer's JSON, or throws. */
const adminJson = (page, method, url, body) =>
  adminApi(page, BASE)(method, url, body)

async function customerByEmail(page, email) {
  const { customers } = await adminJson(
    page,
    "GET",
    `/admin/customers?email=${encodeURIComponent(email)}`
  )
  return customers[0]
}

/** Every field of a record, compared as JSON, but those allowed to change. */
function differences(before, after, changing) {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)])
  const out = []
  for (const field of fields) {
    if (changing.has(field)) continue
    const a = JSON.stringify(before[field] ?? null)
    const b = JSON.stringify(after[field] ?? null)
    if (a !== b) {
      out.push({ field, before: before[field], after: after[field] })
    }
  }
  return out
}

const defaultSay = say

/**
 * Clicks a button (by test id) and waits for the POST to `url` it sends:
 * what was sent, the status and the answer's JSON.
 */
async function submitAndWait(page, testId, url) {
  const answered = page.waitForResponse(
    (res) => res.url().includes(url) && res.request().method() === "POST"
  )
  await page.getByTestId(testId).click()
  const res = await answered
  return {
    status: res.status(),
    sent: res.request().postDataJSON(),
    answer: await res.json().catch(() => ({})),
  }
}

/** As submitAndWait, and throws unless the API accepted it. */
async function saveAndWait(page, testId, url) {
  const result = await submitAndWait(page, testId, url)
  if (result.status >= 400) {
    throw new Error(
      `${testId}: the API answered ${result.status}: ${result.answer.message}`
    )
  }
  return result
}

/**
 * `node scripts/check-admin/<check>.js [http://localhost:9000]`: Debian's
 * headless Chromium, logged in as the demo admin, runs `check(page, opts)`.
 */
function runAlone(check) {
  ;(async () => {
    fs.mkdirSync(OUT, { recursive: true })
    const { browser, page } = await launchBrowser()
    try {
      await login(page)
      await check(page, { base: BASE, out: OUT })
      defaultSay(`screenshots: ${OUT}`)
    } finally {
      await browser.close()
    }
  })().catch((error) => {
    process.stderr.write(`${error.stack || error}\n`)
    process.exit(1)
  })
}

module.exports = {
  BASE,
  OUT,
  adminApi,
  adminJson,
  customerByEmail,
  defaultSay,
  differences,
  expect,
  launchBrowser,
  login,
  runAlone,
  saveAndWait,
  say,
  serverRestarted,
  submitAndWait,
}
