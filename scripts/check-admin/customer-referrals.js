#!/usr/bin/env node
// Sara's "Referrals" widget on her customer page, in the admin's language
// (ctx.lang): her referral code and share link as the API gives them, the
// link copied by its button (the clipboard then holds it, and a toast says
// so), her figures (invited, joined, ordered, rewarded) in the admin's
// digits, who referred her (or a line saying nobody did) and the friends she
// referred, each with its status in words. The Persian check runs on each
// screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/customer-referrals.js [http://localhost:9000]
// and as the "customer referrals" step of `npm run check:admin`.
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminApi, customerByEmail, runAlone } = require("./lib")
const { shootWidget } = require("./customer-wallet")
const { number } = require("./pos")

const squash = (text) => text.replace(/\s+/g, " ").trim()

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkCustomerReferrals(page, ctx) {
  const { base, lang, tr, say } = ctx
  const api = adminApi(page, base)
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  const data = await api("GET", `/admin/loyalty/customers/${sara.id}/referrals`)

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: base })
  await page.goto(`${base}/app/customers/${sara.id}`)
  const widget = page.locator('[data-loyalty-widget="customer-referrals"]')
  await widget.getByRole("heading", { name: tr("referrals.customer.title"), exact: true }).waitFor({ timeout: 60000 })
  await widget.getByTestId("customer-referral-code-value").waitFor({ timeout: 30000 })
  await page.waitForLoadState("networkidle")

  see("code", squash(await widget.getByTestId("customer-referral-code-value").innerText()), data.code)
  see("link", squash(await widget.getByTestId("customer-referral-link").innerText()), data.link)
  for (const id of ["invited", "joined", "ordered", "rewarded"]) {
    const figure = widget.getByTestId(`customer-referral-stat-${id}`)
    see(
      `the ${id} figure`,
      squash(await figure.innerText()),
      `${tr(`referrals.customer.stats.${id}`)} ${number(lang, data.stats[id])}`
    )
  }
  if (data.referred_by) {
    see(
      "referred by: status",
      await widget.locator('[data-testid="customer-referred-by"] [data-testid="referral-status"]').getAttribute("data-status"),
      data.referred_by.status
    )
  } else {
    see(
      "referred by nobody",
      squash(await widget.getByTestId("customer-referred-by-none").innerText()),
      tr("referrals.customer.notReferred")
    )
  }
  const shown = await widget
    .getByTestId("customer-referral")
    .evaluateAll((els) => els.map((e) => e.dataset.status))
  see("her referrals' statuses", shown, data.referrals.slice(0, 10).map((r) => r.status))
  const words = await widget
    .locator('[data-testid="customer-referral"] [data-testid="referral-status"]')
    .allInnerTexts()
  see("…in words", words.map(squash), data.referrals.slice(0, 10).map((r) => tr(`referrals.status.${r.status}`)))

  // The link, copied.
  await widget.getByTestId("customer-referral-copy").click()
  await page
    .locator("[data-sonner-toast]")
    .filter({ hasText: tr("referrals.customer.copied") })
    .first()
    .waitFor({ timeout: 15000 })
  see("the clipboard", await page.evaluate(() => navigator.clipboard.readText()), data.link)
  await shootWidget(ctx, widget, "customer-referrals")
  say(
    `Sara's code ${data.code}, ${data.referrals.length} friend(s) referred, ${
      data.referred_by ? `referred by ${data.referred_by.code}` : "referred by nobody"
    }; link copied`
  )

  if (failures.length) {
    throw new Error(`customer referrals (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkCustomerReferrals }

if (require.main === module) {
  runAlone(checkCustomerReferrals, "customer referrals")
}
