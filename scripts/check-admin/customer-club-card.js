// Sara's club card on her customer page, in the admin's language
// (ctx.lang): her purchases, balance, tier and channels as the API counts
// them, the till's among them. Part of the "pos" step (pos.js), after a
// purchase registered for her; the wallet step (customer-wallet.js) sees it
// change after a credit.
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminJson, BASE, customerByEmail, expect, runAlone } = require("./lib")
const { irr, number, shootWidget } = require("./customer-wallet")

const squash = (text) => text.replace(/\s+/g, " ").trim()

async function checkClubCard(page, ctx) {
  const { say, tr } = ctx
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  const { club_card: card } = await adminJson(page, "GET", `/admin/loyalty/customers/${sara.id}/club-card`)
  const settings = ctx.settings ?? (await adminJson(page, "GET", "/admin/loyalty/settings")).settings
  await page.goto(`${BASE}/app/customers/${sara.id}`)
  const widget = page.locator('[data-loyalty-widget="customer-club-card"]')
  await widget.getByTestId("club-card").waitFor({ timeout: 60000 })
  await widget.getByRole("heading", { name: tr("wallet.clubCard.title") }).waitFor()

  const purchases = squash(await widget.getByTestId("club-card-purchases").innerText())
  expect(
    purchases === `${tr("wallet.clubCard.purchases")} ${number(ctx.lang, card.purchases)}`,
    `Purchases show "${purchases}", the API counts ${card.purchases}`
  )
  const irrBalance = card.balances.find((b) => b.currency_code === "irr")
  if (irrBalance) {
    const balance = squash(await widget.getByTestId("club-card-balance").innerText())
    const expected = irr(ctx, irrBalance.available, settings.money_display)
    expect(balance.includes(expected), `Balance shows "${balance}", expected ${expected}`)
  }
  const tierName = card.tier ? card.tier.names?.[ctx.lang]?.trim() || card.tier.name : tr("common.states.none")
  const tier = squash(await widget.getByTestId("club-card-tier").innerText())
  expect(tier === `${tr("wallet.clubCard.tier")} ${tierName}`, `Tier shows "${tier}", expected ${tierName}`)
  const channels = squash(await widget.getByTestId("club-card-channels").innerText())
  say(`Sara's club card: ${purchases}; ${tier}; ${channels}`)
  expect(channels.includes("In-store"), `No In-store channel: ${channels}`)

  await shootWidget(ctx, widget, "customer-club-card")
  await ctx.shot("customer-club-card-page")
}

module.exports = { checkClubCard }

if (require.main === module) {
  runAlone(checkClubCard, "club card")
}
