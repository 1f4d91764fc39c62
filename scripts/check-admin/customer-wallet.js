// Sara's customer page in the admin's language (ctx.lang): the wallet widget
// credits her 250,000 Toman typed as a shop owner types it (Persian digits in
// Persian), and her balance and club card change on the page without a
// reload; the form shows every error at its field at once, a double click
// credits once, a debit over the balance is refused at the field, the
// history pages through every transaction, freezing asks for a reason and
// unfreezing for a confirmation. The "customer wallet" step
// of `npm run check:admin`.
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminJson, BASE, customerByEmail, expect, runAlone } = require("./lib")

/** Rows per page of the wallet's history (src/admin/components/wallet/use-wallet.ts). */
const LEDGER_PAGE_SIZE = 10

/** The Intl locale the admin formats with (src/admin/lib/i18n.ts). */
const LOCALE = { en: "en-GB", fa: "fa-IR-u-ca-persian-nu-arabext", ar: "ar-EG-u-nu-arab" }

/** Digits as the admin writes them in `lang`: "250,000" -> "۲۵۰٬۰۰۰" in Persian. */
const digits = (lang, text) =>
  lang === "fa" ? text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]).replace(/,/g, "٬") : text

const number = (lang, value) =>
  new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 20 }).format(value)

/** An IRR amount (in rial, as the API keeps it) as the widget shows it. */
function irr(ctx, rial, display) {
  const shown = display === "toman" ? BigInt(rial) / 10n : BigInt(rial)
  return `${number(ctx.lang, shown)} ${ctx.tr(`common.units.${display}`)}`
}

const squash = (text) => text.replace(/\s+/g, " ").trim()

/** A screenshot of one widget (`ctx.shot`: in Persian, the page is scanned too). */
async function shootWidget(ctx, widget, name) {
  for (let attempt = 1; ; attempt++) {
    try {
      await widget.scrollIntoViewIfNeeded()
      return await ctx.shot(name, { of: widget })
    } catch (error) {
      // The customer page re-renders its widgets when its own data reloads.
      if (attempt >= 3 || !/not attached|detached/.test(error.message)) throw error
    }
  }
}

async function saraWallet(page, sara) {
  const { wallets } = await adminJson(page, "GET", `/admin/loyalty/wallets?customer_id=${sara.id}`)
  return wallets.find((w) => w.currency_code === "irr")
}

async function checkWallet(page, ctx) {
  const { say, tr } = ctx
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  const settings = ctx.settings ?? (await adminJson(page, "GET", "/admin/loyalty/settings")).settings
  const display = settings.money_display
  const before = await saraWallet(page, sara)
  expect(before, "Sara has no IRR wallet (the demo seed gives her one)")
  if (before.status === "frozen") {
    // A run that stopped half way: start from an active wallet.
    await adminJson(page, "POST", `/admin/loyalty/wallets/${before.id}/unfreeze`, {})
  }

  // More rows than one page, so the history has pages to turn.
  const { count } = await adminJson(page, "GET", `/admin/loyalty/wallets/${before.id}/transactions?limit=1`)
  for (let i = count; i <= LEDGER_PAGE_SIZE; i++) {
    await adminJson(page, "POST", `/admin/loyalty/wallets/${before.id}/credit`, {
      amount: "10000",
      note: `Check: history filler ${i + 1}`,
    })
  }

  await page.goto(`${BASE}/app/customers/${sara.id}`)
  const widget = page.locator('[data-loyalty-widget="customer-wallet"]')
  const card = page.locator('[data-loyalty-widget="customer-club-card"]')
  const available = widget.getByTestId("wallet-available")
  const cardBalance = card.getByTestId("club-card-balance")
  const ledger = widget.getByTestId("wallet-ledger")
  await available.waitFor({ timeout: 60000 })
  await cardBalance.waitFor({ timeout: 60000 })
  await widget.getByRole("heading", { name: tr("wallet.title") }).waitFor()
  const start = await saraWallet(page, sara)
  const shownBefore = squash(await available.innerText())
  expect(
    shownBefore.includes(irr(ctx, start.balance.available, display)),
    `Available shows "${shownBefore}", expected ${irr(ctx, start.balance.available, display)}`
  )
  const cardBefore = squash(await cardBalance.innerText())
  say(`Sara's wallet: ${shownBefore}; club card: ${cardBefore}`)
  await shootWidget(ctx, widget, "customer-wallet")

  // Nothing may reload the page from here on.
  let navigations = 0
  const countNavigation = (frame) => {
    if (frame === page.mainFrame()) navigations++
  }
  page.on("framenavigated", countNavigation)

  // An empty form: every error at its field, at once.
  await widget.getByTestId("wallet-credit").click()
  const form = page.getByTestId("wallet-change-form")
  await form.waitFor()
  await form.getByRole("heading", { name: tr("wallet.form.credit.title") }).waitFor()
  await form.getByTestId("wallet-change-form-submit").click()
  const required = tr("common.validation.required")
  await page.locator("#wallet-amount-error").getByText(required).waitFor({ timeout: 10000 })
  await page.locator("#wallet-note-error").getByText(required).waitFor()
  expect(
    (await page.getAttribute("#wallet-amount", "aria-invalid")) === "true",
    "The amount field is not marked invalid"
  )
  await page.waitForTimeout(400)
  await ctx.shot("customer-wallet-errors", { fullPage: false })
  say("empty credit form: amount and note refused at their fields")

  // 250,000 Toman, typed with separators (Persian digits in Persian).
  const typed = digits(ctx.lang, "250,000")
  await page.locator("#wallet-amount").pressSequentially(typed)
  const stamp = new Date().toISOString().slice(11, 19)
  const note = `${ctx.lang === "fa" ? "جبران تأخیر ارسال" : "Goodwill: late delivery"} (${stamp})`
  await page.locator("#wallet-note").fill(note)
  if (ctx.lang === "fa") {
    const words = await form.locator("[data-amount-words]").innerText()
    say(`amount in words: ${words}`)
    expect(words.includes("دویست و پنجاه هزار"), `Words under the amount: ${words}`)
  }
  await page.waitForTimeout(400) // the fields' outline transition
  await ctx.shot("customer-wallet-credit-form", { fullPage: false })

  // A double click credits once: one idempotency key per submitted form.
  const sent = []
  const onRequest = (request) => {
    if (request.method() === "POST" && /\/admin\/loyalty\/wallets\/[^/]+\/credit$/.test(request.url())) {
      sent.push(request)
    }
  }
  page.on("request", onRequest)
  const answered = page.waitForResponse(
    (res) => /\/credit$/.test(res.url()) && res.request().method() === "POST",
    { timeout: 90000 }
  )
  await form.getByTestId("wallet-change-form-submit").dblclick()
  const response = await answered
  expect(response.status() < 300, `The credit answered ${response.status()}`)
  await page.getByText(tr("wallet.toast.credited")).first().waitFor({ timeout: 30000 })
  await form.waitFor({ state: "detached", timeout: 10000 }).catch(() => form.waitFor({ state: "hidden" }))
  page.off("request", onRequest)
  const keys = new Set(sent.map((r) => r.headers()["idempotency-key"]))
  expect(sent.length >= 1 && keys.size === 1 && !keys.has(undefined), `Idempotency keys sent: ${[...keys]}`)
  const body = sent[0].postDataJSON()
  const rial = display === "toman" ? "2500000" : "250000"
  expect(body.amount === rial, `Sent amount ${body.amount}, expected ${rial} rial`)
  expect(body.note === note, `Sent note ${body.note}`)

  // Credited once, with the note as written (other checks may credit Sara
  // meanwhile, so the row is found by its note).
  const { transactions } = await adminJson(page, "GET", `/admin/loyalty/wallets/${start.id}/transactions?limit=20`)
  const rows = transactions.filter((t) => t.note === note)
  expect(
    rows.length === 1 && rows[0].type === "credit" && rows[0].amount === rial,
    `Credits with the note: ${JSON.stringify(rows.map((t) => [t.type, t.amount]))}, expected one of ${rial}`
  )
  const after = await saraWallet(page, sara)

  // The balance and the club card show it without a reload.
  const expected = irr(ctx, after.balance.available, display)
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector)?.textContent.includes(text),
    ['[data-loyalty-widget="customer-wallet"] [data-testid="wallet-available"]', expected],
    { timeout: 30000 }
  )
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector)?.textContent.includes(text),
    ['[data-loyalty-widget="customer-club-card"] [data-testid="club-card-balance"]', expected],
    { timeout: 30000 }
  )
  const cardAfter = squash(await cardBalance.innerText())
  say(`credited ${typed} ${tr(`common.units.${display}`)}: wallet ${squash(await available.innerText())}; club card ${cardAfter}`)
  expect(cardAfter !== cardBefore, "The club card did not change")

  // The new row heads the history, its note as written.
  await ledger.locator("tbody tr").first().getByText(note).waitFor({ timeout: 30000 })
  await shootWidget(ctx, widget, "customer-wallet-credited")
  await shootWidget(ctx, card, "customer-club-card-credited")

  // A debit over the balance is refused at the amount field; a small one
  // goes through.
  // The refused debit's 400 is logged by the browser: expected here.
  ctx.expectConsoleError(/status of 400 \(Bad Request\)/)
  await widget.getByTestId("wallet-debit").click()
  await form.getByRole("heading", { name: tr("wallet.form.debit.title") }).waitFor()
  await page.locator("#wallet-amount").pressSequentially(digits(ctx.lang, "999,999,999"))
  await page.locator("#wallet-note").fill(`${note} −`)
  await form.getByTestId("wallet-change-form-submit").click()
  await page
    .locator("#wallet-amount-error")
    .getByText(tr("errors.loyalty_insufficient_balance"))
    .waitFor({ timeout: 30000 })
  say("debit over the balance: refused at the amount field")
  await page.locator("#wallet-amount").fill("")
  await page.locator("#wallet-amount").pressSequentially(digits(ctx.lang, "1,000"))
  await form.getByTestId("wallet-change-form-submit").click()
  await page.getByText(tr("wallet.toast.debited")).first().waitFor({ timeout: 30000 })
  await ledger.locator("tbody tr").first().getByText(`${note} −`).waitFor({ timeout: 30000 })

  // The history pages through every transaction.
  const { count: total } = await adminJson(page, "GET", `/admin/loyalty/wallets/${after.id}/transactions?limit=1`)
  const pages = Math.ceil(total / LEDGER_PAGE_SIZE)
  const pageLabel = widget.getByTestId("wallet-ledger-page")
  const label = (n) => tr("common.table.page", { page: number(ctx.lang, n), pages: number(ctx.lang, pages) })
  expect(squash(await pageLabel.innerText()) === label(1), `Page label: ${await pageLabel.innerText()}`)
  const firstRow = squash(await ledger.locator("tbody tr").first().innerText())
  await widget.getByTestId("wallet-ledger-next").click()
  await pageLabel.getByText(label(2)).waitFor({ timeout: 30000 })
  const onPage2 = Math.min(LEDGER_PAGE_SIZE, total - LEDGER_PAGE_SIZE)
  await page.waitForFunction(
    ([n, text]) => {
      const rows = document.querySelectorAll('[data-testid="wallet-ledger"] tbody tr')
      return rows.length === n && rows[0].textContent.replace(/\s+/g, " ").trim() !== text
    },
    [onPage2, firstRow],
    { timeout: 30000 }
  )
  say(`history: ${total} transactions on ${pages} pages, page 2 shows ${onPage2}`)
  await shootWidget(ctx, widget, "customer-wallet-page-2")
  await widget.getByTestId("wallet-ledger-previous").click()
  await pageLabel.getByText(label(1)).waitFor({ timeout: 30000 })

  // Freeze asks for a reason first.
  await widget.getByTestId("wallet-freeze").click()
  const dialog = page.getByRole("alertdialog")
  await dialog.getByRole("heading", { name: tr("wallet.freeze.title") }).waitFor()
  await dialog.getByTestId("wallet-freeze-form-submit").click()
  await page.locator("#wallet-freeze-reason-error").getByText(required).waitFor({ timeout: 10000 })
  const reason = ctx.lang === "fa" ? `بررسی خریدهای مشکوک (${stamp})` : `Suspicious purchases under review (${stamp})`
  await page.locator("#wallet-freeze-reason").fill(reason)
  await page.waitForTimeout(400)
  await ctx.shot("customer-wallet-freeze", { fullPage: false })
  const froze = page.waitForRequest(
    (r) => r.method() === "POST" && /\/freeze$/.test(r.url())
  )
  await dialog.getByTestId("wallet-freeze-form-submit").click()
  expect((await froze).postDataJSON().reason === reason, "The freeze did not send its reason")
  await page.getByText(tr("wallet.toast.frozen")).first().waitFor({ timeout: 30000 })
  await widget.getByTestId("wallet-status").getByText(tr("wallet.status.frozen")).waitFor({ timeout: 30000 })
  await widget.getByTestId("wallet-frozen").waitFor()
  const frozen = await saraWallet(page, sara)
  expect(frozen.status === "frozen", "The wallet is not frozen")
  if ("status_reason" in frozen) {
    await widget.getByTestId("wallet-frozen-reason").getByText(reason).waitFor({ timeout: 10000 })
    expect(frozen.status_reason === reason, `The wallet keeps the reason ${frozen.status_reason}`)
  } else {
    say("(the running API does not return status_reason yet: the reason is not shown)")
  }
  expect(await widget.getByTestId("wallet-credit").isDisabled(), "Add credit stays enabled on a frozen wallet")
  say(`frozen: ${squash(await widget.getByTestId("wallet-frozen").innerText())}`)
  await shootWidget(ctx, widget, "customer-wallet-frozen")

  // Unfreeze asks for a confirmation.
  await widget.getByTestId("wallet-unfreeze").click()
  const confirm = page.getByRole("alertdialog")
  await confirm.getByRole("heading", { name: tr("wallet.unfreeze.title") }).waitFor()
  await page.waitForTimeout(400) // the dialog fades in
  await ctx.shot("customer-wallet-unfreeze", { fullPage: false })
  await confirm.getByRole("button", { name: tr("wallet.actions.unfreeze") }).click()
  await page.getByText(tr("wallet.toast.unfrozen")).first().waitFor({ timeout: 30000 })
  await widget.getByTestId("wallet-status").getByText(tr("wallet.status.active")).waitFor({ timeout: 30000 })
  expect((await saraWallet(page, sara)).status === "active", "The wallet is still frozen")

  page.off("framenavigated", countNavigation)
  expect(navigations === 0, `The page reloaded ${navigations} times`)
  say("freeze (with a reason) and unfreeze (confirmed) done, no reload")
}

module.exports = { checkWallet, digits, irr, number, shootWidget }

if (require.main === module) {
  runAlone(checkWallet, "customer wallet")
}
