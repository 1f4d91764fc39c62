// Sara's message log on her customer page, run by the "messages" step
// (messages.js).
const path = require("path")
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { BASE, customerByEmail, expect, OUT, say } = require("./lib")

/** Sara's message log (the demo texts her) and a balance statement. */
async function checkCustomerMessages(page) {
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  await page.goto(`${BASE}/app/customers/${sara.id}`)
  const widget = page.getByTestId("customer-messages")
  await widget
    .getByTestId("customer-message-row")
    .first()
    .waitFor({ timeout: 60000 })
  const rows = widget.getByTestId("customer-message-row")
  const log = []
  for (let i = 0; i < (await rows.count()); i++) {
    log.push((await rows.nth(i).innerText()).replace(/\s+/g, " "))
  }
  say(`Sara's messages (${log.length}):\n  ${log.join("\n  ")}`)
  for (const event of ["Cashback credited", "Balance statement"]) {
    expect(
      log.some((row) => row.includes(event)),
      `Sara's log has no "${event}" message`
    )
  }
  const persian = widget
    .getByTestId("customer-message-body")
    .filter({ hasText: "عزیز" })
    .first()
  expect(
    (await persian.getAttribute("dir")) === "rtl",
    "A Persian message is not shown right-to-left"
  )
  await widget.scrollIntoViewIfNeeded()
  await widget.screenshot({ path: path.join(OUT, "customer-messages.png") })

  await widget.getByTestId("customer-messages-statement").click()
  const toast = page.getByText(
    /^(Balance statement queued|Balance statement not sent|A balance statement (was already sent|is already queued) today|Balance statements are turned off)/
  )
  await toast.first().waitFor({ timeout: 30000 })
  say(`send balance statement: ${await toast.first().innerText()}`)
  // The viewport, once the toast has slid in.
  await page.waitForTimeout(500)
  await page.screenshot({
    path: path.join(OUT, "customer-messages-statement.png"),
  })
}

module.exports = { checkCustomerMessages }
