// The Register a purchase page in the admin's language (ctx.lang), as staff
// use it: an empty form's errors at their fields at once, a phone that is no
// number refused at its field, a new member (a double click registers once),
// then Sara by her mobile number and an amount typed in the admin's digits
// ("۰۹۱۲۱۲۳۴۵۶۷", "۱٬۰۰۰٬۰۰۰" Toman in Persian): the request carries the
// plain number, the amount in rial and an Idempotency-Key of its own, and the
// result card shows her, the cashback and her balance in the shop's unit.
// Part of the "pos" step (pos.js).
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminJson, BASE, expect } = require("./lib")
const { number, typed } = require("./pos")

const squash = (text) => text.replace(/\s+/g, " ").trim()

/** The club card's purchases count as shown, in any digits, as a number. */
async function purchasesShown(result) {
  const text = await result.getByTestId("club-card-purchases").locator("p").last().innerText()
  return Number(text.replace(/[۰-۹]/g, (d) => "۰۱۲۳۴۵۶۷۸۹".indexOf(d)).replace(/\D/g, ""))
}

/** "+989121234567" -> "09121234567", as staff read it off a phone. */
const localPhone = (e164) => `0${e164.slice(-10)}`

/**
 * Types a purchase and submits it (`submit` clicks, or double clicks); the
 * request sent and its answer.
 */
async function registerPurchase(page, { phone, amount, note }, submit = (b) => b.click()) {
  await page.fill("#purchase-phone", phone)
  await page.fill("#purchase-amount", amount)
  await page.fill("#purchase-note", note ?? "")
  const answered = page.waitForResponse(
    (res) => res.url().endsWith("/admin/loyalty/purchases") && res.request().method() === "POST"
  )
  await submit(page.getByTestId("purchase-submit"))
  const res = await answered
  return {
    status: res.status(),
    sent: res.request().postDataJSON(),
    key: res.request().headers()["idempotency-key"],
  }
}

async function checkRegisterPurchase(page, ctx) {
  const { tr, say, shot, lang } = ctx
  const { settings } = await adminJson(page, "GET", "/admin/loyalty/settings")
  const display = settings.money_display
  const unit = tr(`common.units.${display}`)
  // An amount in the shop's unit, as the API takes it (IRR in rial).
  const rial = (shown) => (display === "toman" ? `${shown}0` : shown)

  await page.goto(`${BASE}/app/loyalty/register-purchase`)
  await page.locator('[data-loyalty-page="register-purchase"]').waitFor({ timeout: 60000 })
  await page.getByTestId("purchase-form").waitFor({ timeout: 60000 })
  // The currency defaults to the rial, counted in the shop's unit.
  await page.locator("#purchase-currency").getByText(unit).waitFor({ timeout: 30000 })

  // Nothing typed: the phone and the amount say so at once, nothing is sent.
  let posted = 0
  const count = (req) => {
    if (req.url().endsWith("/admin/loyalty/purchases") && req.method() === "POST") posted++
  }
  page.on("request", count)
  await page.getByTestId("purchase-submit").click()
  for (const id of ["purchase-phone", "purchase-amount"]) {
    const error = page.locator(`#${id}-error`)
    await error.waitFor({ timeout: 10000 })
    expect((await error.innerText()).trim() === tr("common.validation.required"), `#${id}: ${await error.innerText()}`)
  }
  // A phone that is no number: refused at its field.
  await page.fill("#purchase-phone", "abc")
  await page.fill("#purchase-amount", typed(lang, "5,000,000"))
  await page.getByTestId("purchase-submit").click()
  const phoneError = page.locator("#purchase-phone-error")
  await page.waitForFunction(
    ([text]) => document.querySelector("#purchase-phone-error")?.textContent?.trim() === text,
    [tr("common.validation.phone")],
    { timeout: 10000 }
  )
  expect((await page.getAttribute("#purchase-phone", "aria-invalid")) === "true", "The phone field is not outlined")
  expect(!(await page.locator("#purchase-amount-error").count()), "The amount's error stayed after typing it")
  await page.waitForTimeout(500)
  page.off("request", count)
  expect(posted === 0, `${posted} purchases sent from a form with errors`)
  say(`empty form and phone "abc" refused at their fields: ${await phoneError.innerText()}`)
  await shot("register-purchase-errors")

  // A number the club does not know: a new member. A double click
  // registers the purchase once.
  const suffix = String(Date.now() % 10000).padStart(4, "0")
  const newPhone = typed(lang, `0935 555 ${suffix}`)
  const registered = page
    .locator("[data-sonner-toast]")
    .filter({ hasText: tr("till.purchase.toast") })
    .first()
    .waitFor({ timeout: 30000 })
  const first = await registerPurchase(page, { phone: newPhone, amount: typed(lang, "5,000,000") }, (b) => b.dblclick())
  expect(first.status === 201, `The new member's purchase answered ${first.status}`)
  const result = page.getByTestId("purchase-result")
  await result.getByTestId("purchase-new-member").waitFor({ timeout: 30000 })
  await registered
  expect((await purchasesShown(result)) === 1, "A double click registered more than once")
  expect((await page.inputValue("#purchase-phone")) === "", "The form was not reset after the purchase")
  say(`new member ${newPhone}: ${squash(await result.getByTestId("purchase-cashback").innerText())}`)
  await shot("register-purchase-new-member")

  // Sara, a member already: her number and the amount in the admin's digits.
  const sara = DEMO_CUSTOMERS[0]
  const saraPhone = typed(lang, localPhone(sara.phone))
  const amount = typed(lang, "1,000,000")
  await page.fill("#purchase-amount", amount)
  if (lang === "fa") {
    // The amount in words under the field: Toman/Rial slips cost shops money.
    const words = (await page.locator("[data-field='purchase-amount'] [data-amount-words]").innerText()).trim()
    expect(words === `یک میلیون ${unit}`, `The amount in words reads "${words}"`)
  }
  const note = lang === "fa" ? "بررسی: رسید کاغذی ۱۰۴۲" : "Check: paper receipt 1042"
  const second = await registerPurchase(page, { phone: saraPhone, amount, note })
  expect(second.status === 201, `Sara's purchase answered ${second.status}`)
  const want = { phone: localPhone(sara.phone), amount: rial("1000000"), currency_code: "irr", note }
  expect(JSON.stringify(second.sent) === JSON.stringify(want), `Sent ${JSON.stringify(second.sent)}`)
  expect(second.key && first.key && second.key !== first.key, "The second purchase reused the first's Idempotency-Key")
  await result.getByTestId("purchase-member").getByText(sara.first_name).waitFor({ timeout: 30000 })
  expect(!(await result.getByTestId("purchase-new-member").count()), "Sara shows as a new member")
  const balance = squash(await result.getByTestId("club-card-balance").innerText())
  expect(balance.includes(unit), `Sara's balance is not in ${unit}: ${balance}`)
  const cashback = squash(await result.getByTestId("purchase-cashback").innerText())
  const saraPurchases = await purchasesShown(result)
  expect(
    squash(await result.getByTestId("club-card-purchases").innerText()).endsWith(number(lang, saraPurchases)),
    "The purchases count is not in the admin's digits"
  )
  say(`Sara (${saraPhone}, ${amount} ${unit}): ${cashback}; ${balance}; ${saraPurchases} purchases`)
  await shot("register-purchase-sara")
}

module.exports = { checkRegisterPurchase }
