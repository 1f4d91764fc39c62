// Sara's club card on her customer page: her purchases and channels, the
// till's among them. Part of the "pos" step (pos.js).
const path = require("path")
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { BASE, customerByEmail, expect, OUT, say } = require("./lib")

async function checkClubCard(page) {
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  await page.goto(`${BASE}/app/customers/${sara.id}`)
  const widget = page.getByTestId("customer-club-card")
  await widget.getByTestId("club-card").waitFor({ timeout: 60000 })
  const channels = await widget.getByTestId("club-card-channels").innerText()
  const purchases = await widget.getByTestId("club-card-purchases").innerText()
  say(
    `Sara's club card: ${purchases.replace(/\s+/g, " ")}; ${channels.replace(/\s+/g, " ")}`
  )
  expect(channels.includes("In-store"), `No In-store channel: ${channels}`)
  await widget.scrollIntoViewIfNeeded()
  await widget.screenshot({ path: path.join(OUT, "customer-club-card.png") })
  await page.screenshot({
    path: path.join(OUT, "customer-club-card-page.png"),
    fullPage: true,
  })
}

module.exports = { checkClubCard }
