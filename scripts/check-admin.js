#!/usr/bin/env node
// Looks at the admin as a shop owner would, in Debian's headless Chromium:
// logs in to a running demo store (`npm run dev`), opens Sara's customer page,
// checks the wallet widget, credits her through the form (check-admin/
// customer-wallet.js); then the Cashback rules page (a refused rule, a
// created, duplicated, disabled and deleted one, the clawback setting:
// check-admin/cashback-rules.js; a rule with every field set edited in one
// field and saved, the rest unchanged: check-admin/rule-edit.js), the
// Loyalty tiers page (a tier with every field set edited in one field and
// saved, the rest unchanged: check-admin/tier-edit.js; a refused tier, two
// created and one edited, a rule limited to one of them, Evaluate now, the
// grace period: check-admin/tiers.js), Sara's tier widget (pinned and
// unpinned: check-admin/customer-tier.js) and the cashback widget of an
// order (check-admin/order-cashback.js), the Loyalty messages page (a
// refused, a saved and a reset wording, the SMS settings: check-admin/
// messages.js) and Sara's message log (check-admin/customer-messages.js);
// one setting saved on each settings panel, the others kept (check-admin/
// settings-edit.js); then the Till keys page (a key created, shown once,
// used and revoked: check-admin/pos-keys.js), Register purchase (a refused
// phone, a new member, Sara: check-admin/register-purchase.js) and Sara's
// club card (check-admin/customer-club-card.js); the till and kiosk settings
// each changed on the Till keys page, kept after a reload, a refused value
// shown at its field, and put back (check-admin/till-settings.js). Login,
// Chromium and the helpers the steps share: check-admin/lib.js. Saves
// screenshots (to $TMPDIR/loyalty-club-screenshots). Usage: npm run check:admin [-- http://localhost:9000]
const fs = require("fs")
const {
  BASE,
  OUT,
  adminJson,
  launchBrowser,
  login,
  say,
  serverRestarted,
} = require("./check-admin/lib")
const { checkCashbackRules } = require("./check-admin/cashback-rules")
const { checkWallet } = require("./check-admin/customer-wallet")
const { checkMessages } = require("./check-admin/messages")
const { checkOrderCashback } = require("./check-admin/order-cashback")
const { checkPos } = require("./check-admin/pos")
const { checkRuleEdit } = require("./check-admin/rule-edit")
const { checkSettingsEdit } = require("./check-admin/settings-edit")
const { checkTierEdit } = require("./check-admin/tier-edit")
const { checkTiers } = require("./check-admin/tiers")
const { checkTillSettings } = require("./check-admin/till-settings")

// Runs only the named checks, e.g. CHECK_ADMIN_ONLY=messages,tiers.
const ONLY = (process.env.CHECK_ADMIN_ONLY || "").split(",").filter(Boolean)

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  const { browser, page } = await launchBrowser()
  try {
    await login(page)
    await step(page, "customer wallet", () => checkWallet(page))
    // Read once: a retried check must restore these, not its first try's change.
    const { settings } = await step(page, "settings", () =>
      adminJson(page, "GET", "/admin/loyalty/settings")
    )
    await step(page, "cashback rules", () => checkCashbackRules(page, settings))
    await step(page, "rule edit", () =>
      checkRuleEdit(page, { base: BASE, out: OUT, say })
    )
    await step(page, "tier edit", () =>
      checkTierEdit(page, { base: BASE, out: OUT, say })
    )
    await step(page, "tiers", () => checkTiers(page, settings))
    await step(page, "order cashback", () => checkOrderCashback(page))
    await step(page, "messages", () => checkMessages(page, settings))
    await step(page, "settings edit", () =>
      checkSettingsEdit(page, { base: BASE, out: OUT, say })
    )
    await step(page, "pos", () => checkPos(page))
    await step(page, "till settings", () =>
      checkTillSettings(page, { base: BASE, out: OUT, say })
    )
    say(`screenshots: ${OUT}`)
  } finally {
    await browser.close()
  }
}

/**
 * Runs one check; if `medusa develop` restarted meanwhile (someone saved a
 * file: the server goes down and its in-memory sessions with it), waits for
 * it, logs in again and runs the check once more.
 */
async function step(page, name, check) {
  if (ONLY.length && name !== "settings" && !ONLY.includes(name)) {
    return say(`(${name}: skipped, CHECK_ADMIN_ONLY=${ONLY.join(",")})`)
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await check()
    } catch (error) {
      if (attempt >= 3 || !(await serverRestarted(page))) {
        throw error
      }
      say(
        `(${name}: the dev server restarted, retrying after: ${error.message.split("\n")[0]})`
      )
      await login(page)
    }
  }
}

main().catch((error) => {
  process.stderr.write(`check-admin failed: ${error.message}\n`)
  process.exit(1)
})
