#!/usr/bin/env node
// Looks at the admin as a shop owner would, in Debian's headless Chromium:
// logs in to a running demo store (`npm run dev`), opens Sara's customer page,
// checks the wallet widget, credits her through the form, and saves
// screenshots (to $TMPDIR/loyalty-club-screenshots). Usage: npm run check:admin [-- http://localhost:9000]
const fs = require("fs")
const path = require("path")
const { chromium } = require("playwright-core")
const { DEMO_ADMIN, DEMO_CUSTOMERS } = require("../demo/constants")

const BASE = process.argv[2] || "http://localhost:9000"
// Outside the project: `medusa develop` restarts on any file written inside it.
const OUT = process.env.SCREENSHOTS_DIR || path.join(require("os").tmpdir(), "loyalty-club-screenshots")

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
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
  const page = await browser.newPage({ viewport: { width: 1440, height: 1400 } })
  try {
    // The dev admin is served by Vite: its first load compiles, so be patient.
    page.setDefaultNavigationTimeout(180000)
    await page.goto(`${BASE}/app/login`, { waitUntil: "domcontentloaded" })
    await page.waitForSelector('input[name="email"]', { timeout: 180000 })
    await page.fill('input[name="email"]', DEMO_ADMIN.email)
    await page.fill('input[name="password"]', DEMO_ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/app\/orders/, { timeout: 60000 })

    const res = await page.request.get(
      `${BASE}/admin/customers?email=${encodeURIComponent(DEMO_CUSTOMERS[0].email)}`
    )
    const { customers } = await res.json()
    await page.goto(`${BASE}/app/customers/${customers[0].id}`)
    await page.getByText("Loyalty wallet").waitFor({ timeout: 60000 })
    await page.getByTestId("wallet-balance").waitFor()
    const before = await page.getByTestId("wallet-balance").innerText()
    await page.screenshot({ path: path.join(OUT, "customer-wallet.png"), fullPage: true })

    // A debit without a note is refused by the form itself.
    await page.fill("#wallet-amount", "100000")
    await page.getByRole("button", { name: "Credit wallet" }).click()
    await page.getByTestId("wallet-error").waitFor()
    const noteError = await page.getByTestId("wallet-error").innerText()

    await page.fill("#wallet-note", "Goodwill: late delivery")
    await page.getByRole("button", { name: "Credit wallet" }).click()
    await page.locator("td", { hasText: "Goodwill: late delivery" }).first().waitFor({ timeout: 30000 })
    const after = await page.getByTestId("wallet-balance").innerText()
    await page.screenshot({ path: path.join(OUT, "customer-wallet-credited.png"), fullPage: true })

    process.stdout.write(
      `balance before: ${before.replace(/\s+/g, " ")}\n` +
        `note check: ${noteError}\n` +
        `balance after: ${after.replace(/\s+/g, " ")}\n` +
        `screenshots: ${OUT}\n`
    )
    if (before === after) {
      throw new Error("The balance did not change after the credit")
    }
  } finally {
    await browser.close()
  }
}

main().catch((error) => {
  process.stderr.write(`check-admin failed: ${error.message}\n`)
  process.exit(1)
})
