// The Register purchase page: a refused phone, a new member (a double click
// registers once) and Sara. Part of the "pos" step (pos.js).
const path = require("path")
const { BASE, expect, OUT, say } = require("./lib")

async function registerPurchase(page, { phone, amount, note }, submit) {
  await page.fill("#purchase-phone", phone)
  await page.fill("#purchase-amount", amount)
  if (note) await page.fill("#purchase-note", note)
  await (submit ?? ((b) => b.click()))(page.getByTestId("purchase-submit"))
}

async function checkRegisterPurchase(page) {
  await page.goto(`${BASE}/app/loyalty/register-purchase`)
  await page.getByRole("link", { name: "Register purchase" }).first().waitFor({
    timeout: 60000,
  })
  await page.getByTestId("purchase-form").waitFor({ timeout: 60000 })
  // The currency defaults to the rial, from the store's regions.
  await page
    .locator("#purchase-currency")
    .getByText("IRR")
    .waitFor({ timeout: 30000 })

  // A phone that is no mobile number: the API refuses, the form says why.
  await registerPurchase(page, { phone: "abc", amount: "5000000" })
  const error = page.getByTestId("purchase-error")
  await error.waitFor({ timeout: 30000 })
  const refused = await error.innerText()
  say(`phone abc refused: ${refused}`)
  expect(/\bphone\b/.test(refused), `The error does not name phone: ${refused}`)
  expect(
    (await page.getAttribute("#purchase-phone", "aria-invalid")) === "true",
    "The phone field is not outlined"
  )
  await page.screenshot({
    path: path.join(OUT, "register-purchase-error.png"),
    fullPage: true,
  })

  // A number the club does not know: a new member. A double click
  // registers the purchase once.
  const suffix = String(Date.now() % 10000).padStart(4, "0")
  const phone = `0935 555 ${suffix}`
  await registerPurchase(page, { phone, amount: "5,000,000" }, (b) =>
    b.dblclick()
  )
  const result = page.getByTestId("purchase-result")
  await result.waitFor({ timeout: 30000 })
  expect(!(await error.isVisible()), "The phone error stayed after a success")
  await result.getByTestId("purchase-new-member").waitFor()
  const credited = await result.getByTestId("purchase-cashback").innerText()
  const purchases = await result.getByTestId("club-card-purchases").innerText()
  say(`new member ${phone}: ${credited}; ${purchases.replace(/\s+/g, " ")}`)
  expect(/Cashback credited: /.test(credited), `Unexpected: ${credited}`)
  expect(
    /Purchases\s+1$/.test(purchases.trim()),
    `A double click registered more than once: ${purchases}`
  )
  expect(
    (await page.inputValue("#purchase-phone")) === "",
    "The form was not reset after the purchase"
  )
  await page.screenshot({
    path: path.join(OUT, "register-purchase-new-member.png"),
    fullPage: true,
  })

  // Sara, a member already.
  await registerPurchase(page, {
    phone: "09121234567",
    amount: "1200000",
    note: "Check: paper receipt",
  })
  await result
    .getByRole("link", { name: /Sara/ })
    .waitFor({ timeout: 30000 })
  expect(
    !(await result.getByTestId("purchase-new-member").count()),
    "Sara shows as a new member"
  )
  say(
    `Sara: ${await result.getByTestId("purchase-cashback").innerText()}; ` +
      (await result.getByTestId("club-card-purchases").innerText()).replace(
        /\s+/g,
        " "
      )
  )
  await page.screenshot({
    path: path.join(OUT, "register-purchase-sara.png"),
    fullPage: true,
  })
}

module.exports = { checkRegisterPurchase }
