#!/usr/bin/env node
// The receipt, feedback and transfer settings in the admin's language
// (ctx.lang), as a shop owner changes them. On the Feedback page, "Receipts
// and feedback": the link's days typed in the admin's digits, the online
// receipt switch, the low rating chosen by its words and an apology credit
// in the shop's unit, saved together. On the Credit transfers page,
// "Sending credit": the switch, the days to claim and the daily count in
// the admin's digits, the largest transfer and the day's limit in the
// shop's unit, saved together. Each save sends its panel's settings and no
// other; the page reloaded shows each one kept and the API holds them. Then
// refused values (0 days, 2000 transfers a day) said at their fields with
// nothing sent. The settings are put back as they were.
//
// Runs on its own against a running store:
//   node scripts/check-admin/receipt-transfer-settings.js [http://localhost:9000]
// and as the "receipt transfer settings" step of `npm run check:admin`.
const { adminApi, expect, runAlone } = require("./lib")
const { grouped, number, typed } = require("./pos")

const URL = "/admin/loyalty/settings"
const FEEDBACK_FIELDS = ["receipt_link_days", "receipt_sms_online", "feedback_low_rating", "feedback_apology_credit"]
const TRANSFER_FIELDS = [
  "transfers_enabled",
  "transfer_claim_days",
  "transfer_daily_count",
  "transfer_max_amount",
  "transfer_daily_limit",
]
const FIELDS = [...FEEDBACK_FIELDS, ...TRANSFER_FIELDS]

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const sortedKeys = (o) => Object.keys(o).sort().join(", ")

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkReceiptTransferSettings(page, ctx) {
  const { base, lang, tr, say, shot } = ctx
  const api = adminApi(page, base)
  const read = async () => (await api("GET", URL)).settings
  const original = await read()
  const display = original.money_display
  // An amount typed in the shop's unit, as the API keeps it (IRR in rial).
  const rial = (shown) => (display === "toman" ? `${shown}0` : shown)
  const failures = []

  const checked = async (id) => (await page.locator(`#${id}`).getAttribute("aria-checked")) === "true"
  const setSwitch = async (id, on) => {
    if ((await checked(id)) !== on) await page.locator(`#${id}`).click()
  }
  const value = (id) => page.locator(`#${id}`).inputValue()
  /** Opens a page and waits for its panel, filled (the dev admin reads settings twice). */
  const open = async (path, id) => {
    await page.goto(`${base}${path}`)
    await page.locator(`#${id}`).waitFor({ timeout: 60000 })
    await page.waitForLoadState("networkidle")
  }
  /** Clicks a panel's save; the body it sent, or null when nothing was sent. */
  const save = async (testId) => {
    const answered = page
      .waitForResponse((res) => res.url().endsWith(URL) && res.request().method() === "POST", { timeout: 3000 })
      .catch(() => null)
    await page.getByTestId(testId).click()
    const res = await answered
    if (!res) return null
    expect(res.status() < 400, `${testId}: the API answered ${res.status()}`)
    return res.request().postDataJSON()
  }
  const savedToast = () =>
    page.locator("[data-sonner-toast]").filter({ hasText: tr("common.states.saved") }).first().waitFor({ timeout: 30000 })
  const compareSent = (panel, sent, fields, want) => {
    if (!sent) {
      failures.push(`saving ${panel} sent nothing`)
      return
    }
    const changed = fields.filter((f) => !same(want[f], original[f]))
    if (sortedKeys(sent) !== [...changed].sort().join(", ")) {
      failures.push(`${panel} sent ${sortedKeys(sent)}, not ${changed.join(", ")}`)
    }
    for (const f of changed) {
      if (!same(sent[f], want[f])) failures.push(`${panel} sent ${f} ${JSON.stringify(sent[f])}, not ${JSON.stringify(want[f])}`)
    }
  }

  // New values, each different from what is stored; amounts as shown.
  const apologyShown = original.feedback_apology_credit?.irr === rial("50000") ? "60000" : "50000"
  const maxShown = original.transfer_max_amount?.irr === rial("2000000") ? "3000000" : "2000000"
  const dailyShown = original.transfer_daily_limit?.irr === rial("5000000") ? "6000000" : "5000000"
  const want = {
    receipt_link_days: original.receipt_link_days === 45 ? 46 : 45,
    receipt_sms_online: !original.receipt_sms_online,
    feedback_low_rating: original.feedback_low_rating === 3 ? 1 : 3,
    feedback_apology_credit: { ...(original.feedback_apology_credit ?? {}), irr: rial(apologyShown) },
    transfers_enabled: !original.transfers_enabled,
    transfer_claim_days: original.transfer_claim_days === 10 ? 11 : 10,
    transfer_daily_count: original.transfer_daily_count === 3 ? 4 : 3,
    transfer_max_amount: { ...(original.transfer_max_amount ?? {}), irr: rial(maxShown) },
    transfer_daily_limit: { ...(original.transfer_daily_limit ?? {}), irr: rial(dailyShown) },
  }
  const lowLabel = (n) => tr("feedback.settings.lowRating.option", { count: n, n: number(lang, n) })

  try {
    // Receipts and feedback, on the Feedback page.
    await open("/app/loyalty/feedback", "feedback-receipt-link-days")
    await page.fill("#feedback-receipt-link-days", typed(lang, String(want.receipt_link_days)))
    await setSwitch("feedback-receipt-sms-online", want.receipt_sms_online)
    await page.locator("#feedback-low-rating").click()
    await page.getByRole("option", { name: lowLabel(want.feedback_low_rating), exact: true }).click()
    await page.fill("#feedback-apology-credit-irr", typed(lang, grouped(apologyShown)))
    const panel = page.getByTestId("feedback-settings")
    await panel.scrollIntoViewIfNeeded()
    await shot("feedback-settings-edited", { of: panel })
    let toast = savedToast()
    compareSent("the receipts panel", await save("feedback-settings-save"), FEEDBACK_FIELDS, want)
    await toast

    // Sending credit, on the Credit transfers page.
    await open("/app/loyalty/transfers", "transfer-claim-days")
    await setSwitch("transfer-enabled", want.transfers_enabled)
    await page.fill("#transfer-claim-days", typed(lang, String(want.transfer_claim_days)))
    await page.fill("#transfer-daily-count", typed(lang, String(want.transfer_daily_count)))
    await page.fill("#transfer-max-amount-irr", typed(lang, grouped(maxShown)))
    await page.fill("#transfer-daily-limit-irr", typed(lang, grouped(dailyShown)))
    const transfers = page.getByTestId("transfer-settings")
    await transfers.scrollIntoViewIfNeeded()
    await shot("transfer-settings-edited", { of: transfers })
    toast = savedToast()
    compareSent("the transfers panel", await save("transfer-settings-save"), TRANSFER_FIELDS, want)
    await toast

    // Kept: after a reload, on each page and through the API.
    await open("/app/loyalty/feedback", "feedback-receipt-link-days")
    const shownFeedback = {
      days: await value("feedback-receipt-link-days"),
      online: await checked("feedback-receipt-sms-online"),
      low: (await page.locator("#feedback-low-rating").innerText()).trim(),
      apology: await value("feedback-apology-credit-irr"),
    }
    const expectedFeedback = {
      days: typed(lang, String(want.receipt_link_days)),
      online: want.receipt_sms_online,
      low: lowLabel(want.feedback_low_rating),
      apology: typed(lang, grouped(apologyShown)),
    }
    for (const k of Object.keys(expectedFeedback)) {
      if (!same(shownFeedback[k], expectedFeedback[k])) failures.push(`after a reload the receipts panel's ${k} shows ${JSON.stringify(shownFeedback[k])}, saved as ${JSON.stringify(expectedFeedback[k])}`)
    }
    await shot("feedback-settings-saved", { of: page.getByTestId("feedback-settings") })

    // Refused at its field, nothing sent.
    await page.fill("#feedback-receipt-link-days", typed(lang, "0"))
    const refused = await save("feedback-settings-save")
    if (refused) failures.push("0 days was sent to the API")
    const daysError = (await page.locator("#feedback-receipt-link-days-error").innerText().catch(() => "")).trim()
    const wantDaysError = tr("common.validation.numberMin", { min: number(lang, 1) })
    if (daysError !== wantDaysError) failures.push(`0 days says "${daysError}", not "${wantDaysError}"`)

    await open("/app/loyalty/transfers", "transfer-claim-days")
    const shownTransfers = {
      enabled: await checked("transfer-enabled"),
      claim: await value("transfer-claim-days"),
      count: await value("transfer-daily-count"),
      max: await value("transfer-max-amount-irr"),
      daily: await value("transfer-daily-limit-irr"),
    }
    const expectedTransfers = {
      enabled: want.transfers_enabled,
      claim: typed(lang, String(want.transfer_claim_days)),
      count: typed(lang, String(want.transfer_daily_count)),
      max: typed(lang, grouped(maxShown)),
      daily: typed(lang, grouped(dailyShown)),
    }
    for (const k of Object.keys(expectedTransfers)) {
      if (!same(shownTransfers[k], expectedTransfers[k])) failures.push(`after a reload the transfers panel's ${k} shows ${JSON.stringify(shownTransfers[k])}, saved as ${JSON.stringify(expectedTransfers[k])}`)
    }
    const stored = await read()
    for (const f of FIELDS) {
      if (!same(stored[f], want[f])) failures.push(`stored ${f} is ${JSON.stringify(stored[f])}, not ${JSON.stringify(want[f])}`)
    }
    await page.fill("#transfer-daily-count", typed(lang, "2000"))
    const refusedCount = await save("transfer-settings-save")
    if (refusedCount) failures.push("2000 transfers a day was sent to the API")
    const countError = (await page.locator("#transfer-daily-count-error").innerText().catch(() => "")).trim()
    const wantCountError = tr("common.validation.numberMax", { max: number(lang, 1000) })
    if (countError !== wantCountError) failures.push(`2000 a day says "${countError}", not "${wantCountError}"`)
    await shot("transfer-settings-refused", { of: page.getByTestId("transfer-settings") })
    say(`receipt and transfer settings saved by clicks and typing, kept after a reload; refused: ${daysError} | ${countError}`)
  } finally {
    await api("POST", URL, Object.fromEntries(FIELDS.map((k) => [k, original[k]])))
  }
  const restored = await read()
  const left = FIELDS.filter((k) => !same(restored[k], original[k]))
  if (left.length) failures.push(`not put back: ${left.join(", ")}`)
  if (failures.length) {
    throw new Error(`receipt and transfer settings (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkReceiptTransferSettings }

if (require.main === module) {
  runAlone(checkReceiptTransferSettings, "receipt transfer settings")
}
