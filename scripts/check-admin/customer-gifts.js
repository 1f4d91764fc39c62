#!/usr/bin/env node
// Sara's "Birthday, codes and gifts" widget on her customer page, in the
// admin's language (ctx.lang): her birthday set through its drawer (the
// Jalali calendar in Persian, the Gregorian one in English; month names of
// that calendar in the admin's language), sent as the calendar, month and
// day picked and shown after; then a personal code given from a personal
// batch (one is made through the API if the shop has none): one request,
// the toast names the code, and the code shows first in her list, available.
// Her birthday is put back as it was. The Persian check runs on each
// screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/customer-gifts.js [http://localhost:9000]
// and as the "customer gifts" step of `npm run check:admin`.
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminApi, customerByEmail, expect, runAlone } = require("./lib")
const { shootWidget } = require("./customer-wallet")
const { number } = require("./pos")

const squash = (text) => text.replace(/\s+/g, " ").trim()

/** A personal batch to give codes from: the shop's first active one, or a new one. */
async function personalBatch(api, lang) {
  const { code_batches } = await api("GET", "/admin/loyalty/code-batches?kind=personal&limit=100")
  const active = code_batches.find((b) => b.status === "active")
  if (active) return active
  const { code_batch } = await api("POST", "/admin/loyalty/code-batches", {
    name: lang === "fa" ? "هدیه کارکنان" : "Staff gift",
    kind: "personal",
    discount_type: "percentage",
    target: "order",
    value: "10",
    valid_days: 30,
  })
  return code_batch
}

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkCustomerGifts(page, ctx) {
  const { base, lang, tr, say } = ctx
  const api = adminApi(page, base)
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  const url = `/admin/loyalty/customers/${sara.id}/birthday`
  const { birthday: original } = await api("GET", url)
  const batch = await personalBatch(api, lang)

  // Another day than hers, so the save changes it: 5 Mehr (Jalali) or 9 May.
  const want = lang === "fa" ? { calendar: "jalali", month: 7, day: 5 } : { calendar: "gregorian", month: 5, day: 9 }
  if (original && original.calendar === want.calendar && original.month === want.month && original.day === want.day) {
    want.day += 1
  }
  const calendarLabel = tr(`occasions.birthday.calendars.${want.calendar}`)
  const monthLabel =
    want.calendar === "jalali"
      ? tr("occasions.birthday.jalaliMonths.mehr")
      : new Intl.DateTimeFormat(lang === "fa" ? "fa-IR-u-ca-gregory-nu-arabext" : "en-GB", { month: "long", timeZone: "UTC" }).format(
          Date.UTC(2024, want.month - 1, 15)
        )

  try {
    await page.goto(`${base}/app/customers/${sara.id}`)
    const widget = page.locator('[data-loyalty-widget="customer-gifts"]')
    await widget.getByRole("heading", { name: tr("occasions.customer.title"), exact: true }).waitFor({ timeout: 60000 })
    await widget.getByTestId("customer-birthday-edit").waitFor({ timeout: 30000 })
    await page.waitForLoadState("networkidle")
    await shootWidget(ctx, widget, "customer-gifts")

    // The birthday, through its drawer.
    await widget.getByTestId("customer-birthday-edit").click()
    const form = page.getByTestId("birthday-form")
    await form.waitFor()
    await page.locator("#birthday-calendar").click()
    await page.getByRole("option", { name: calendarLabel, exact: true }).click()
    await page.locator("#birthday-month").click()
    const months = await page.getByRole("option").allInnerTexts()
    see("months offered", months.length, 12)
    await page.getByRole("option", { name: monthLabel, exact: true }).click()
    await page.locator("#birthday-day").click()
    await page.getByRole("option", { name: number(lang, want.day), exact: true }).click()
    await ctx.shot("customer-birthday-form", { fullPage: false })
    const saved = page.waitForResponse((res) => res.url().endsWith(url) && res.request().method() === "POST", { timeout: 30000 })
    await page.getByTestId("birthday-form-submit").click()
    const res = await saved
    expect(res.ok(), `saving the birthday answered ${res.status()}`)
    see("birthday sent", res.request().postDataJSON(), want)
    const shown = widget.getByTestId("customer-birthday-date")
    await widget
      .locator(`[data-testid="customer-birthday-date"][data-month="${want.month}"][data-day="${want.day}"]`)
      .waitFor({ timeout: 30000 })
    see(
      "birthday shown",
      squash(await shown.innerText()),
      `${tr("occasions.birthday.date", { day: number(lang, want.day), month: monthLabel })} (${calendarLabel})`
    )
    say(`Sara's birthday set to ${want.calendar} ${want.month}/${want.day}`)

    // A personal code, given once.
    let posted = 0
    const count = (req) => {
      if (/\/admin\/loyalty\/code-batches\/[^/]+\/codes$/.test(req.url()) && req.method() === "POST") posted++
    }
    page.on("request", count)
    await widget.getByTestId("customer-give-code").click()
    const give = page.getByTestId("give-code-form")
    await give.waitFor()
    await page.locator("#give-code-batch").click()
    await page.getByRole("option").filter({ hasText: batch.name }).first().click()
    await ctx.shot("customer-give-code", { fullPage: false })
    const answered = page.waitForResponse(
      (r) => r.url().endsWith(`/admin/loyalty/code-batches/${batch.id}/codes`) && r.request().method() === "POST",
      { timeout: 30000 }
    )
    await page.getByTestId("give-code-form-submit").click()
    const given = await answered
    const body = await given.json()
    expect(given.ok(), `giving a code answered ${given.status()}: ${body.message}`)
    see("code request", given.request().postDataJSON(), { customer_id: sara.id })
    const code = body.code.code
    await widget.locator(`[data-testid="customer-gift"][data-code="${code}"]`).waitFor({ timeout: 30000 })
    see(
      "the new code's state",
      await widget.locator(`[data-testid="customer-gift"][data-code="${code}"] [data-testid="gift-state"]`).getAttribute("data-state"),
      "available"
    )
    await page.waitForTimeout(500)
    page.off("request", count)
    see("requests from one give", posted, 1)
    await shootWidget(ctx, widget, "customer-gifts-given")
    say(`gave Sara ${code} from ${batch.name}`)
  } finally {
    await (original
      ? api("POST", url, { calendar: original.calendar, month: original.month, day: original.day })
      : api("DELETE", url)
    ).catch((e) => say(`(putting Sara's birthday back failed: ${e.message})`))
  }

  if (failures.length) {
    throw new Error(`customer gifts (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkCustomerGifts }

if (require.main === module) {
  runAlone(checkCustomerGifts, "customer gifts")
}
