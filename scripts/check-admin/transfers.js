#!/usr/bin/env node
// The Credit transfers page (/app/loyalty/transfers) in the admin's
// language (ctx.lang), as staff use it: the list as the API answers it
// (amount in the shop's unit, status in words), the status filter (the
// request asks for it, every row has it); then credit sent on Sara's behalf
// from her club card: the empty form's errors at their fields and nothing
// sent, then a new number and an amount typed in the admin's digits, sent by
// a double click: one request, with an Idempotency-Key, the amount in rial;
// her spendable balance down by that amount, the transfer waiting on the
// Transfers page and on her card as "sent". The Persian check runs on each
// screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/transfers.js [http://localhost:9000]
// and as the "transfers" step of `npm run check:admin`.
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminApi, customerByEmail, expect, runAlone } = require("./lib")
const { shootWidget } = require("./customer-wallet")
const { grouped, irr, number, typed } = require("./pos")

const squash = (text) => text.replace(/\s+/g, " ").trim()

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkTransfers(page, ctx) {
  const { base, lang, tr, say, shot } = ctx
  const api = adminApi(page, base)
  const { settings } = await api("GET", "/admin/loyalty/settings")
  const display = settings.money_display
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }

  // The list, as the API answers it.
  const list = await api("GET", "/admin/loyalty/transfers?limit=20")
  await page.goto(`${base}/app/loyalty/transfers`)
  const root = page.locator('[data-loyalty-page="transfers"]')
  await root.getByRole("heading", { name: tr("transfers.title"), exact: true }).waitFor({ timeout: 60000 })
  await root.getByTestId("transfers-count").waitFor({ timeout: 30000 })
  see("count", squash(await root.getByTestId("transfers-count").innerText()), tr("transfers.list.count", { count: list.count, n: number(lang, list.count) }))
  if (list.count) {
    const statuses = await root.getByTestId("transfer-status").evaluateAll((els) => els.map((e) => e.dataset.status))
    see("statuses", statuses, list.transfers.map((t) => t.status))
    const irrAmounts = list.transfers.filter((t) => t.currency_code === "irr")
    const amounts = (await root.getByTestId("transfer-amount").allInnerTexts()).map(squash)
    see(
      "amounts",
      amounts.filter((_, i) => list.transfers[i].currency_code === "irr"),
      irrAmounts.map((t) => irr(ctx, t.amount, display))
    )
  }
  await shot("transfers")

  // The status filter: "claimed" asks for it; every row is claimed.
  const filtered = page.waitForResponse(
    (res) => new URL(res.url()).pathname === "/admin/loyalty/transfers" && new URL(res.url()).searchParams.get("status") === "claimed",
    { timeout: 30000 }
  )
  await root.getByTestId("transfers-status-filter").click()
  await page.getByRole("option", { name: tr("transfers.status.claimed"), exact: true }).click()
  const claimed = await (await filtered).json()
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="transfer-status"]').length === n,
    claimed.transfers.length,
    { timeout: 15000 }
  )
  const shownClaimed = await root.getByTestId("transfer-status").evaluateAll((els) => els.map((e) => e.dataset.status))
  see("rows with claimed chosen", shownClaimed.filter((s) => s !== "claimed"), [])
  await shot("transfers-claimed")
  say(`transfers: ${list.count} in all, ${claimed.count} claimed`)

  // Sara's club card: send credit on her behalf, with the shop's limits out
  // of the way (a check run again the same day must not hit the day's
  // count), put back after.
  const LIMITS = ["transfers_enabled", "transfer_daily_count", "transfer_max_amount", "transfer_daily_limit"]
  await api("POST", "/admin/loyalty/settings", {
    transfers_enabled: true,
    transfer_daily_count: 1000,
    transfer_max_amount: null,
    transfer_daily_limit: null,
  })
  try {
    await sendFromSara(page, ctx, { api, display, see })
  } finally {
    await api("POST", "/admin/loyalty/settings", Object.fromEntries(LIMITS.map((k) => [k, settings[k]])))
  }

  if (failures.length) {
    throw new Error(`transfers (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

/**
 * From Sara's club card: the empty form refused at its fields, then credit
 * sent to a new number by a double click, seen on her card and on the
 * Transfers page.
 */
async function sendFromSara(page, ctx, { api, display, see }) {
  const { base, lang, tr, say, shot } = ctx
  const root = page.locator('[data-loyalty-page="transfers"]')
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  const wallet = async () =>
    (await api("GET", `/admin/loyalty/wallets?customer_id=${sara.id}`)).wallets.find((w) => w.currency_code === "irr")
  const before = await wallet()
  expect(before && BigInt(before.balance.available) >= 10000n, "Sara has no spendable rial to send")
  await page.goto(`${base}/app/customers/${sara.id}`)
  const widget = page.locator('[data-loyalty-widget="customer-club-card"]')
  const card = widget.getByTestId("customer-transfers")
  await card.getByTestId("customer-transfer-send").waitFor({ timeout: 60000 })
  await page.waitForLoadState("networkidle")
  await card.getByTestId("customer-transfer-send").click()
  const form = page.getByTestId("transfer-form")
  await form.waitFor()
  await form.getByTestId("transfer-spendable").waitFor({ timeout: 30000 })
  see("spendable", squash(await form.getByTestId("transfer-spendable").innerText()), `${tr("transfers.send.amount.spendable")} ${irr(ctx, before.balance.available, display)}`)

  // Nothing typed: the amount and the phone say so at once; nothing sent.
  let posted = 0
  const count = (req) => {
    if (req.url().endsWith("/admin/loyalty/transfers") && req.method() === "POST") posted++
  }
  page.on("request", count)
  await page.getByTestId("transfer-form-submit").click()
  for (const id of ["transfer-amount", "transfer-phone"]) {
    const error = page.locator(`#${id}-error`)
    await error.waitFor({ timeout: 10000 })
    see(`#${id}'s error`, (await error.innerText()).trim(), tr("common.validation.required"))
  }
  await page.waitForTimeout(300)
  see("requests from an empty form", posted, 0)
  await shot("transfer-form-errors", { fullPage: false })

  // A new number, an amount in the admin's digits, a double click: sent once.
  const shown = display === "toman" ? "1000" : "10000"
  const rial = display === "toman" ? `${shown}0` : shown
  const phone = `0936 ${String(Date.now() % 1000).padStart(3, "0")} ${String(Date.now() % 10000).padStart(4, "0")}`
  const message = lang === "fa" ? "تولدت مبارک!" : "Happy birthday!"
  await page.fill("#transfer-amount", typed(lang, grouped(shown)))
  await page.fill("#transfer-phone", typed(lang, phone))
  await page.fill("#transfer-message", message)
  const answered = page.waitForResponse(
    (res) => res.url().endsWith("/admin/loyalty/transfers") && res.request().method() === "POST",
    { timeout: 30000 }
  )
  // The toast's words before the number (the number sits in an isolate).
  const toastWords = tr("transfers.send.toast", { phone: "\u0000" }).split("\u0000")[0].trim()
  const toast = page
    .locator("[data-sonner-toast]")
    .filter({ hasText: toastWords })
    .first()
    .waitFor({ timeout: 30000 })
    .then(
      () => true,
      () => false
    )
  await page.getByTestId("transfer-form-submit").dblclick()
  const res = await answered
  const body = await res.json()
  expect(res.status() === 201, `sending answered ${res.status()}: ${body.message}`)
  const sent = res.request().postDataJSON()
  see("sent", sent, { customer_id: sara.id, currency_code: "irr", amount: rial, phone: phone, message })
  expect(res.request().headers()["idempotency-key"], "the send had no Idempotency-Key")
  see("the toast after sending", await toast, true)
  await page.waitForTimeout(1000)
  page.off("request", count)
  see("requests from a double click", posted, 1)
  see("the new transfer", { status: body.transfer.status, amount: body.transfer.amount }, { status: "pending", amount: rial })
  const after = await wallet()
  see("Sara's spendable credit after", after.balance.available, String(BigInt(before.balance.available) - BigInt(rial)))

  // On her card, sent to that number, waiting.
  const line = card.getByTestId("customer-transfer").first()
  await line.waitFor({ timeout: 30000 })
  see("card's newest transfer", await line.getAttribute("data-direction"), "sent")
  see("card's newest status", await line.getByTestId("transfer-status").getAttribute("data-status"), "pending")
  await shootWidget(ctx, widget, "customer-transfers")
  say(`sent ${irr(ctx, rial, display)} from Sara to ${phone} by a double click: one request, pending`)

  // On the Transfers page, first.
  await page.goto(`${base}/app/loyalty/transfers`)
  await root.getByTestId("transfers-table").waitFor({ timeout: 60000 })
  const firstRecipient = squash(await root.getByTestId("transfer-recipient").first().innerText())
  see("newest transfer's recipient", firstRecipient.startsWith(body.transfer.recipient_phone), true)
  await shot("transfers-sent")
}

module.exports = { checkTransfers }

if (require.main === module) {
  runAlone(checkTransfers, "transfers")
}
