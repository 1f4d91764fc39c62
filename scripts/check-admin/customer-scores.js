#!/usr/bin/env node
// Sara's "Scores and segment" widget on her customer page, in the admin's
// language (ctx.lang): her R, F, M and L scores as the API gives them, in
// the admin's digits, her named segment in words, her channel mix, her top
// categories and the campaigns that reached her (or a line saying none
// did). Before the first nightly scoring it says she is not scored yet.
// The Persian check runs on the screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/customer-scores.js [http://localhost:9000]
// and as the "customer scores" step of `npm run check:admin`.
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminApi, customerByEmail, runAlone } = require("./lib")
const { shootWidget } = require("./customer-wallet")
const { number } = require("./pos")

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkCustomerScores(page, ctx) {
  const { base, lang, tr, say } = ctx
  const api = adminApi(page, base)
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  const { score } = await api("GET", `/admin/loyalty/customers/${sara.id}/scores`)
  const { campaigns } = await api("GET", `/admin/loyalty/customers/${sara.id}/campaigns`)

  await page.goto(`${base}/app/customers/${sara.id}`)
  const widget = page.locator('[data-loyalty-widget="customer-scores"]')
  await widget.getByRole("heading", { name: tr("segments.customer.title"), exact: true }).waitFor({ timeout: 60000 })
  await widget.locator('[data-testid="customer-scores-values"], [data-testid="customer-scores-none"]').first().waitFor({ timeout: 30000 })
  await widget.locator('[data-testid="customer-campaigns"], [data-testid="customer-campaigns-none"]').first().waitFor({ timeout: 30000 })
  await page.waitForLoadState("networkidle")

  if (score) {
    for (const key of ["r_score", "f_score", "m_score", "l_score"]) {
      see(key, (await widget.getByTestId(`customer-score-${key}`).innerText()).trim(), number(lang, score[key]))
    }
    see(
      "segment",
      (await widget.getByTestId("customer-segment").innerText()).trim(),
      score.segment ? tr(`segments.rfm.${score.segment}`) : tr("segments.customer.noOrders")
    )
    if (score.channel_mix) {
      see("channel mix", (await widget.getByTestId("customer-channel-mix").innerText()).trim(), tr(`segments.channels.${score.channel_mix}`))
    }
  } else {
    say("Sara has no scores yet (scoring runs nightly): the not-scored line was checked")
  }
  see("campaigns listed", await widget.getByTestId("customer-campaign").count(), Math.min(10, campaigns.length))
  await shootWidget(ctx, widget, "customer-scores")
  say(
    score
      ? `Sara: R${score.r_score} F${score.f_score} M${score.m_score} L${score.l_score}, ${score.segment}, ${campaigns.length} campaigns`
      : `Sara: not scored, ${campaigns.length} campaigns`
  )
  if (failures.length) {
    throw new Error(`customer scores (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkCustomerScores }

if (require.main === module) {
  runAlone(checkCustomerScores, "customer-scores")
}
