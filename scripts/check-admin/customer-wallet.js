// Sara's customer page: the wallet widget shows her balance, refuses a
// debit without a note, and credits her through the form. The "customer
// wallet" step of `npm run check:admin`.
const path = require("path")
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { BASE, OUT } = require("./lib")

async function checkWallet(page) {
  const res = await page.request.get(
    `${BASE}/admin/customers?email=${encodeURIComponent(DEMO_CUSTOMERS[0].email)}`
  )
  const { customers } = await res.json()
  await page.goto(`${BASE}/app/customers/${customers[0].id}`)
  await page.getByText("Loyalty wallet").waitFor({ timeout: 60000 })
  await page.getByTestId("wallet-balance").waitFor()
  const before = await page.getByTestId("wallet-balance").innerText()
  await page.screenshot({
    path: path.join(OUT, "customer-wallet.png"),
    fullPage: true,
  })

  // A debit without a note is refused by the form itself.
  await page.fill("#wallet-amount", "100000")
  await page.getByRole("button", { name: "Credit wallet" }).click()
  await page.getByTestId("wallet-error").waitFor()
  const noteError = await page.getByTestId("wallet-error").innerText()

  // A note of its own, so a second run does not find the first run's row.
  const note = `Goodwill: late delivery (${new Date().toISOString().slice(11, 19)})`
  await page.fill("#wallet-note", note)
  await page.getByRole("button", { name: "Credit wallet" }).click()
  await page
    .locator("td", { hasText: note })
    .first()
    .waitFor({ timeout: 30000 })
  const after = await page.getByTestId("wallet-balance").innerText()
  await page.screenshot({
    path: path.join(OUT, "customer-wallet-credited.png"),
    fullPage: true,
  })

  process.stdout.write(
    `balance before: ${before.replace(/\s+/g, " ")}\n` +
      `note check: ${noteError}\n` +
      `balance after: ${after.replace(/\s+/g, " ")}\n`
  )
  if (before === after) {
    throw new Error("The balance did not change after the credit")
  }
}

module.exports = { checkWallet }
