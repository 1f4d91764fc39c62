// Sara's message log on her customer page, in the language of the run
// (ctx.lang), run by the "messages" step (messages.js): events and statuses
// translated, Jalali date-times in Persian, phone numbers isolated, the
// pages of the log, and a balance statement sent with its toast.
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { BASE, customerByEmail, expect } = require("./lib")

/** The part of a translated sentence before its first variable. */
const before = (ctx, key, variable) =>
  ctx.tr(key, { [variable]: "\u0000" }).split("\u0000")[0]

/** Sara's message log (the demo texts her) and a balance statement. */
async function checkCustomerMessages(page, ctx) {
  const say = ctx.say
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  await page.goto(`${BASE}/app/customers/${sara.id}`)
  const widget = page.getByTestId("customer-messages")
  await widget.getByTestId("customer-message-body").first().waitFor({ timeout: 60000 })
  await widget
    .getByRole("heading", { name: ctx.tr("messages.customer.title"), exact: true })
    .waitFor()
  const rows = widget.locator("tbody tr")
  const log = []
  for (let i = 0; i < (await rows.count()); i++) {
    log.push((await rows.nth(i).innerText()).replace(/\s+/g, " "))
  }
  say(`Sara's messages, first page (${log.length}):\n  ${log.join("\n  ")}`)
  expect(log.length > 0 && log.length <= 10, `The log shows ${log.length} rows on a page`)
  const statuses = ["queued", "sending", "sent", "failed", "skipped"].map((s) =>
    ctx.tr(`messages.statuses.${s}`)
  )
  for (const row of log) {
    const event = [
      "cashback_credited",
      "credit_redeemed",
      "balance_statement",
      "welcome",
      "tier_upgraded",
      "expiry_reminder",
      "win_back",
      "receipt",
      "transfer_received",
      "transfer_returned",
      "birthday",
      "membership_anniversary",
      "first_order_anniversary",
      "nowruz",
      "yalda",
      "first_order",
      "referral_welcome",
      "referral_pending",
      "referral_rewarded",
    ]
      .map((e) => ctx.tr(`messages.events.${e}.label`))
      .find((label) => row.includes(label))
    expect(event, `A row names no translated message: ${row}`)
  }
  expect(
    log.every((row) => statuses.some((s) => row.includes(s))),
    "A row's status is not translated"
  )
  if (ctx.lang === "fa") {
    // Jalali date-times with Persian digits, no Gregorian month or year.
    const when = await rows.first().getByTestId("customer-message-time").innerText()
    say(`first row's time: ${when}`)
    expect(
      /[۰-۹]/.test(when) && !/\d/.test(when) && !/20\d\d|January|February|March|April|May|June|July|August|September|October|November|December/.test(when),
      `The time is not Jalali in Persian digits: ${when}`
    )
  }
  const persian = widget.getByTestId("customer-message-body").filter({ hasText: "عزیز" }).first()
  if (await persian.count()) {
    expect(
      (await persian.getAttribute("dir")) === "rtl",
      "A Persian message is not shown right-to-left"
    )
  }
  const phones = await widget.locator('bdi[dir="ltr"]').allInnerTexts()
  expect(
    phones.some((p) => /^\+\d{8,}$/.test(p.trim())),
    `No phone number sits in a left-to-right isolate: ${JSON.stringify(phones.slice(0, 3))}`
  )
  await widget.scrollIntoViewIfNeeded()
  await ctx.shot("customer-messages")

  // More than a page: the next page, then back.
  const next = widget.getByTestId("customer-messages-next")
  if (await next.count()) {
    const first = await rows.first().innerText()
    await next.click()
    await page.waitForFunction(
      ([text]) =>
        document.querySelector('[data-testid="customer-messages"] tbody tr')?.innerText !== text,
      [first]
    )
    say(`page 2: ${await widget.getByTestId("customer-messages-pager").innerText()}`)
    await widget.getByTestId("customer-messages-previous").click()
  }

  await widget.getByTestId("customer-messages-statement").click()
  const answers = [
    ctx.tr("messages.customer.statementQueued"),
    before(ctx, "messages.customer.statementQueuedLater", "time"),
    before(ctx, "messages.customer.statementSkipped", "reason"),
    ctx.tr("messages.customer.statementSentToday"),
    ctx.tr("messages.customer.statementQueuedToday"),
  ]
  const toast = page
    .locator("[data-sonner-toast]")
    .filter({ hasText: new RegExp(answers.map(escape).join("|")) })
  await toast.first().waitFor({ timeout: 30000 })
  say(`send balance statement: ${(await toast.first().innerText()).replace(/\s+/g, " ")}`)
  // The viewport, once the toast has slid in.
  await page.waitForTimeout(500)
  await ctx.shot("customer-messages-statement")
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

module.exports = { checkCustomerMessages }
