// What the edit checks (rule-edit.js, tier-edit.js, settings-edit.js,
// till-settings.js) share: the admin API through the logged-in page, the
// fields a save changed, a save button's request and answer, and running one
// check on its own against a running store.
const fs = require("fs")
const os = require("os")
const path = require("path")

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

const defaultSay = (line) => process.stdout.write(`${line}\n`)

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
  const { chromium } = require("playwright-core")
  const { DEMO_ADMIN } = require("../../demo/constants")
  const base = process.argv[2] || "http://localhost:9000"
  const out =
    process.env.SCREENSHOTS_DIR ||
    path.join(os.tmpdir(), "loyalty-club-screenshots")
  ;(async () => {
    fs.mkdirSync(out, { recursive: true })
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
    try {
      const page = await browser.newPage({
        viewport: { width: 1440, height: 1400 },
      })
      // The dev admin is served by Vite: its first load compiles.
      page.setDefaultNavigationTimeout(180000)
      await page.goto(`${base}/app/login`)
      await page.locator('input[name="email"]').waitFor({ timeout: 120000 })
      await page.fill('input[name="email"]', DEMO_ADMIN.email)
      await page.fill('input[name="password"]', DEMO_ADMIN.password)
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/app\/orders/, { timeout: 60000 })
      await check(page, { base, out })
      defaultSay(`screenshots: ${out}`)
    } finally {
      await browser.close()
    }
  })().catch((error) => {
    process.stderr.write(`${error.stack || error}\n`)
    process.exit(1)
  })
}

module.exports = {
  adminApi,
  defaultSay,
  differences,
  runAlone,
  saveAndWait,
  submitAndWait,
}
