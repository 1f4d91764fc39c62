#!/usr/bin/env node
// Looks at the admin as a shop owner would, in Debian's headless Chromium:
// logs in to a running demo store (`npm run dev`) and runs every step below
// in English and then in Persian (CHECK_ADMIN_LANGS="en,fa"; "fa" alone
// works), the language set as the admin's profile sets it. Each step is one
// file in check-admin/, called as `check(page, ctx)` (ctx: the language, the
// admin's strings, screenshots named `<name>-<lang>.png`: check-admin/lib.js
// createContext). In Persian every screenshot is also a check: no console
// error, no English left in our screens, no Gregorian date
// (check-admin/persian-page.js).
//
// The steps: the Loyalty overview and the sidebar's Loyalty section
// (overview.js); Sara's wallet widget, credited through its form
// (customer-wallet.js); the Cashback rules page (cashback-rules.js) and a
// rule with every field set edited in one field (rule-edit.js); a tier
// edited in one field (tier-edit.js) and the Tiers page with Sara's tier
// widget (tiers.js, customer-tier.js); an order's cashback widget
// (order-cashback.js); the SMS messages page and Sara's message log
// (messages.js, customer-messages.js); one setting saved on each settings
// panel, the others kept (settings-edit.js); the Till keys page, Register
// purchase and Sara's club card (pos.js: pos-keys.js, register-purchase.js,
// customer-club-card.js); the till and kiosk settings (till-settings.js);
// the Feedback page with its filters and a customer's answers
// (feedback.js); the Credit transfers page and credit sent from Sara's club
// card (transfers.js); the receipt, feedback and transfer settings
// (receipt-transfer-settings.js); the Discount codes page with a small bulk
// batch made, exported and disabled (codes.js); the Occasions page with
// Yalda turned on with a credit gift (occasions.js); Sara's birthday set
// and a personal code given on her page (customer-gifts.js); the Referrals
// page with its counts, a held referral's reasons and review buttons, and
// the programme's settings saved (referrals.js); Sara's referral code, link
// and friends on her page (customer-referrals.js); the Loyalty analytics
// page with every section, its CSV files, the period picker and Refresh
// (analytics.js); the Segments page with a segment built in the condition
// builder (live count as the API counts), its members, export and deletion
// (refused in words while a campaign uses it) (segments.js); the Campaigns
// page with a draft made in the form (preview and SMS parts), Send asked
// first, a sent campaign's results and the Automations tab (campaigns.js);
// Sara's scores, segment and campaigns received (customer-scores.js).
// Screenshots go to $TMPDIR/loyalty-club-screenshots (SCREENSHOTS_DIR).
// Usage: npm run check:admin [-- http://localhost:9000]
// One step: CHECK_ADMIN_ONLY="tiers,messages" npm run check:admin
const fs = require("fs")
const {
  LANGS,
  OUT,
  adminJson,
  launchBrowser,
  login,
  runStep,
  say,
  setLanguage,
  shots,
} = require("./check-admin/lib")
const { checkAnalytics } = require("./check-admin/analytics")
const { checkCampaigns } = require("./check-admin/campaigns")
const { checkCashbackRules } = require("./check-admin/cashback-rules")
const { checkCodes } = require("./check-admin/codes")
const { checkCustomerGifts } = require("./check-admin/customer-gifts")
const { checkCustomerReferrals } = require("./check-admin/customer-referrals")
const { checkCustomerScores } = require("./check-admin/customer-scores")
const { checkFeedback } = require("./check-admin/feedback")
const { checkWallet } = require("./check-admin/customer-wallet")
const { checkMessages } = require("./check-admin/messages")
const { checkOccasions } = require("./check-admin/occasions")
const { checkOrderCashback } = require("./check-admin/order-cashback")
const { checkOverview } = require("./check-admin/overview")
const { checkPos } = require("./check-admin/pos")
const { checkReceiptTransferSettings } = require("./check-admin/receipt-transfer-settings")
const { checkReferrals } = require("./check-admin/referrals")
const { checkRuleEdit } = require("./check-admin/rule-edit")
const { checkSegments } = require("./check-admin/segments")
const { checkSettingsEdit } = require("./check-admin/settings-edit")
const { checkTierEdit } = require("./check-admin/tier-edit")
const { checkTiers } = require("./check-admin/tiers")
const { checkTillSettings } = require("./check-admin/till-settings")
const { checkTransfers } = require("./check-admin/transfers")

/** Every step, in order: its name (for CHECK_ADMIN_ONLY) and `check(page, ctx)`. */
const STEPS = [
  ["overview", checkOverview],
  ["customer wallet", checkWallet],
  ["cashback rules", checkCashbackRules],
  ["rule edit", checkRuleEdit],
  ["tier edit", checkTierEdit],
  ["tiers", checkTiers],
  ["order cashback", checkOrderCashback],
  ["messages", checkMessages],
  ["settings edit", checkSettingsEdit],
  ["pos", checkPos],
  ["till settings", checkTillSettings],
  ["feedback", checkFeedback],
  ["transfers", checkTransfers],
  ["receipt transfer settings", checkReceiptTransferSettings],
  ["codes", checkCodes],
  ["occasions", checkOccasions],
  ["customer gifts", checkCustomerGifts],
  ["referrals", checkReferrals],
  ["customer referrals", checkCustomerReferrals],
  ["analytics", checkAnalytics],
  ["segments", checkSegments],
  ["campaigns", checkCampaigns],
  ["customer scores", checkCustomerScores],
]

// Runs only the named steps, e.g. CHECK_ADMIN_ONLY=messages,tiers.
const ONLY = (process.env.CHECK_ADMIN_ONLY || "").split(",").filter(Boolean)

async function main() {
  const unknown = ONLY.filter((name) => !STEPS.some(([n]) => n === name))
  if (unknown.length) {
    throw new Error(
      `CHECK_ADMIN_ONLY: no step ${unknown.join(", ")} (steps: ${STEPS.map(([n]) => n).join(", ")})`
    )
  }
  fs.mkdirSync(OUT, { recursive: true })
  const { browser, page } = await launchBrowser()
  try {
    await setLanguage(page, LANGS[0])
    await login(page)
    // Read once: a retried check must restore these, not its first try's change.
    const { settings } = await runStep(
      page,
      "settings",
      { lang: LANGS[0] },
      () => adminJson(page, "GET", "/admin/loyalty/settings")
    )
    const steps = STEPS.filter(([name]) => !ONLY.length || ONLY.includes(name))
    if (ONLY.length) {
      say(`(CHECK_ADMIN_ONLY: ${steps.map(([n]) => n).join(", ")}; the rest skipped)`)
    }
    for (const lang of LANGS) {
      await setLanguage(page, lang)
      for (const [name, check] of steps) {
        await runStep(page, name, { lang, settings }, check)
      }
    }
    say(`screenshots: ${OUT} (${shots.length} saved; look at every one)`)
  } finally {
    await browser.close()
  }
}

main().catch((error) => {
  process.stderr.write(`check-admin failed: ${error.message}\n`)
  process.exit(1)
})
