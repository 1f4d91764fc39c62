#!/usr/bin/env node
// Saving one setting in the admin leaves every other setting as stored, in
// the admin's language (ctx.lang). Each settings panel is a SettingsCard
// (data-testid="<panel>", its Save button "<panel>-save"): the Cashback
// rules page's panel, with minimums stored as {} (set through the API) and
// then with a minimum and a share, the clawback choice changed and saved;
// the SMS settings on the Messages page, events left at their defaults
// (stored as none), the shop name changed and saved; the Tiers page's
// grace period typed in the language's digits and saved. Each time the
// save sends only the field changed, the translated "Saved" toast shows,
// and the settings read through the API again differ only in that field and
// updated_at. The settings are put back as they were.
//
// Runs on its own against a running store:
//   node scripts/check-admin/settings-edit.js [http://localhost:9000]
// and as the "settings edit" step of `npm run check:admin`.
const { adminApi, differences, runAlone, saveAndWait } = require("./lib")

const URL = "/admin/loyalty/settings"

/** Digits as a shop owner types them: Persian digits in Persian. */
const typed = (lang, text) =>
  lang === "fa" ? String(text).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]) : String(text)

/**
 * The dev admin runs in React's StrictMode, so a page reads the settings
 * twice and the second answer resets its form: an edit typed in between is
 * lost and Save stays disabled. Edit only once the page's reads are done.
 */
const settled = (page) => page.waitForLoadState("networkidle")

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext): base, lang, tr, shot, say
 */
async function checkSettingsEdit(page, ctx) {
  const { base, tr, lang, say } = ctx
  const api = adminApi(page, base)
  const read = async () => (await api("GET", URL)).settings
  const original = await read()
  const failures = []

  /** Opens a page and waits for its settings panel, filled. */
  const openPanel = async (route, testId) => {
    await page.goto(`${base}${route}`)
    const panel = page.getByTestId(testId)
    await panel.getByTestId(`${testId}-save`).waitFor({ timeout: 60000 })
    await settled(page)
    return panel
  }
  /**
   * Stored as `setup`, one field edited in the page by `edit` and saved: the
   * body sends that field alone, the translated "Saved" toast shows, and the
   * settings read right before and right after the save (the store is
   * shared: keep the window short) differ in that field only.
   */
  const round = async (label, setup, field, testId, shot, edit) => {
    if (setup) await api("POST", URL, setup)
    await edit(await read())
    const before = await read()
    const { sent } = await saveAndWait(page, `${testId}-save`, URL)
    const after = await read()
    await page
      .locator("[data-sonner-toast]")
      .filter({ hasText: tr("common.states.saved") })
      .first()
      .waitFor({ timeout: 15000 })
    await ctx.shot(shot, { of: page.getByTestId(testId) })
    const problems = differences(before, after, new Set([field, "updated_at"])).map(
      (c) =>
        `saving changed ${c.field}, which was not edited: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`
    )
    if (JSON.stringify(after[field]) === JSON.stringify(before[field])) {
      problems.push(`${field} was not saved`)
    }
    const others = Object.keys(sent ?? {}).filter((k) => k !== field)
    if (others.length) {
      problems.push(`the save sent ${others.join(", ")} besides ${field}`)
    }
    if (problems.length) {
      failures.push(`${label}:\n    ${problems.join("\n    ")}`)
    } else {
      say(`settings edit (${label}): ${field} saved, every other setting kept`)
    }
  }

  const clawback = async (stored) => {
    const panel = await openPanel("/app/loyalty/cashback-rules", "loyalty-settings")
    const other = stored.clawback_strategy === "skip" ? "partial" : "skip"
    await panel.getByTestId(`clawback-${other}`).click()
  }
  try {
    await round(
      "no minimums stored as {}",
      { min_redeem_balance: {}, max_credit_share: null },
      "clawback_strategy",
      "loyalty-settings",
      "settings-edit-empty-minimums",
      clawback
    )
    await round(
      "a minimum and a share",
      { min_redeem_balance: { irr: "1000000" }, max_credit_share: 50 },
      "clawback_strategy",
      "loyalty-settings",
      "settings-edit-minimums",
      clawback
    )
    await round(
      "SMS events at their defaults",
      { sms_events: null },
      "store_name",
      "sms-settings",
      "settings-edit-sms",
      async (stored) => {
        const panel = await openPanel("/app/loyalty/messages", "sms-settings")
        await panel
          .locator("#sms-store-name")
          .fill(`${stored.store_name ?? "Check shop"} (edited)`)
      }
    )
    await round(
      "the tiers' grace period",
      null,
      "tier_grace_days",
      "tier-settings",
      "settings-edit-tiers",
      async (stored) => {
        const panel = await openPanel("/app/loyalty/tiers", "tier-settings")
        const grace = stored.tier_grace_days === 45 ? 30 : 45
        await panel.locator("#tier-grace-days").fill(typed(lang, grace))
      }
    )
  } finally {
    const keys = [
      "clawback_strategy",
      "min_redeem_balance",
      "max_credit_share",
      "sms_events",
      "store_name",
      "tier_grace_days",
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
  runAlone(checkSettingsEdit, "settings edit")
}
