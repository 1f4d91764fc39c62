#!/usr/bin/env node
// Saving one setting in the admin leaves every other setting as stored. The
// Cashback rules page's settings panel: with minimums stored as {} (set
// through the API) and then with a minimum and a share, the clawback choice
// changed and saved. The Loyalty messages page's SMS settings, events left at
// their defaults (stored as none): the shop name changed and saved. Each time
// the settings read through the API again must differ only in the field
// changed and updated_at. The settings are put back as they were.
//
// Runs on its own against a running store:
//   node scripts/check-admin/settings-edit.js [http://localhost:9000]
// and as the "settings edit" step of `npm run check:admin`.
const path = require("path")
const {
  adminApi,
  defaultSay,
  differences,
  runAlone,
  saveAndWait,
} = require("./lib")

const URL = "/admin/loyalty/settings"

/**
 * The dev admin runs in React's StrictMode, so a page reads the settings
 * twice and the second answer resets its form: an edit typed in between is
 * lost and Save stays disabled. Edit only once the page's reads are done.
 */
const settled = (page) => page.waitForLoadState("networkidle")

/**
 * @param page a logged-in Playwright page
 * @param base the store's URL
 * @param out the screenshots folder
 * @param say prints one line
 */
async function checkSettingsEdit(page, { base, out, say = defaultSay }) {
  const api = adminApi(page, base)
  const read = async () => (await api("GET", URL)).settings
  const original = await read()
  const failures = []
  /** Stored as `setup`, one field saved through the page, the rest kept. */
  const round = async (label, setup, field, saveInPage) => {
    await api("POST", URL, setup)
    const before = await read()
    await saveInPage(before)
    const after = await read()
    const problems = differences(
      before,
      after,
      new Set([field, "updated_at"])
    ).map(
      (c) =>
        `saving changed ${c.field}, which was not edited: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`
    )
    if (JSON.stringify(after[field]) === JSON.stringify(before[field])) {
      problems.push(`${field} was not saved`)
    }
    if (problems.length) {
      failures.push(`${label}:\n    ${problems.join("\n    ")}`)
    } else {
      say(`settings edit (${label}): ${field} saved, every other setting kept`)
    }
  }
  const clawback = (label) => async (before) => {
    await page.goto(`${base}/app/loyalty/cashback-rules`)
    await page.getByTestId("clawback-strategy").waitFor({ timeout: 60000 })
    await settled(page)
    const other = before.clawback_strategy === "skip" ? "partial" : "skip"
    await page.getByTestId(`clawback-${other}`).click()
    await saveAndWait(page, "settings-save", URL)
    await page.getByTestId("loyalty-settings").screenshot({
      path: path.join(out, `settings-edit-${label}.png`),
    })
  }
  try {
    await round(
      "no minimums stored as {}",
      { min_redeem_balance: {}, max_credit_share: null },
      "clawback_strategy",
      clawback("empty-minimums")
    )
    await round(
      "a minimum and a share",
      { min_redeem_balance: { irr: "1000000" }, max_credit_share: 50 },
      "clawback_strategy",
      clawback("minimums")
    )
    await round(
      "SMS events at their defaults",
      { sms_events: null },
      "store_name",
      async (before) => {
        await page.goto(`${base}/app/loyalty/messages`)
        await page.locator("#sms-store-name").waitFor({ timeout: 60000 })
        await settled(page)
        await page.fill(
          "#sms-store-name",
          `${before.store_name ?? "Check shop"} (edited)`
        )
        await saveAndWait(page, "sms-settings-save", URL)
        await page.getByTestId("sms-settings").screenshot({
          path: path.join(out, "settings-edit-sms.png"),
        })
      }
    )
  } finally {
    const keys = [
      "clawback_strategy",
      "min_redeem_balance",
      "max_credit_share",
      "sms_events",
      "store_name",
    ]
    await api(
      "POST",
      URL,
      Object.fromEntries(keys.map((k) => [k, original[k] ?? null]))
    )
  }
  if (failures.length) {
    throw new Error(`settings edit:\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkSettingsEdit }

if (require.main === module) {
  runAlone(checkSettingsEdit)
}
