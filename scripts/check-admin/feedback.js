#!/usr/bin/env node
// The Feedback page (/app/loyalty/feedback) in the admin's language
// (ctx.lang), as a shop owner reads it: the answers' count, average and
// NPS-style score as the stats API counts them; the list's rows as the list
// API answers them (customer, order number, rating, the date in the admin's
// calendar and the shop's time zone, the apology gift); the rating filter
// (5 pressed: the request asks for rating=5 and every row shows 5 stars);
// the period's start picked in Medusa's date picker (the Jalali calendar in
// Persian: the 1st of the month shown asks for midnight of that day in the
// shop's calendar and zone); the monthly view. Then a customer's club card
// with their answers. The Persian check runs on each screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/feedback.js [http://localhost:9000]
// and as the "feedback" step of `npm run check:admin`.
const { adminApi, expect, runAlone } = require("./lib")
const { shootWidget } = require("./customer-wallet")
const { number } = require("./pos")

/** The Intl locale the admin formats with (src/admin/lib/i18n.ts). */
const LOCALE = { en: "en-GB", fa: "fa-IR-u-ca-persian-nu-arabext", ar: "ar-EG-u-nu-arab" }

const squash = (text) => text.replace(/\s+/g, " ").trim()

/** The date and time as the admin shows it (lib/format.ts dateTime). */
const dateTime = (lang, iso, timeZone) =>
  new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(iso)
  )

/** The request to `path` the page sends next, once `action` ran: its query and answer. */
async function nextList(page, path, action, what) {
  const answered = page
    .waitForResponse((res) => new URL(res.url()).pathname === path && res.request().method() === "GET", {
      timeout: 30000,
    })
    .catch(() => {
      throw new Error(`${what}: the page sent no request to ${path}`)
    })
  await action()
  const res = await answered
  expect(res.status() === 200, `${path} answered ${res.status()}`)
  return { query: new URL(res.url()).searchParams, body: await res.json() }
}

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkFeedback(page, ctx) {
  const { base, lang, tr, say, shot } = ctx
  const api = adminApi(page, base)
  const { settings } = await api("GET", "/admin/loyalty/settings")
  const zone = settings.time_zone
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }

  const [list, stats] = await Promise.all([
    api("GET", "/admin/loyalty/feedback?limit=20"),
    api("GET", "/admin/loyalty/feedback/stats?interval=week"),
  ])
  await page.goto(`${base}/app/loyalty/feedback`)
  const root = page.locator('[data-loyalty-page="feedback"]')
  await root.getByRole("heading", { name: tr("feedback.title"), exact: true }).waitFor({ timeout: 60000 })
  await root.getByTestId("feedback-summary-count").waitFor({ timeout: 30000 })

  // The figures, as the stats API counts them.
  const figure = async (id) => squash(await root.getByTestId(id).innerText())
  see("answers", await figure("feedback-summary-count"), `${tr("feedback.summary.count")} ${number(lang, stats.summary.count)}`)
  see("low ratings", (await figure("feedback-summary-low")).startsWith(`${tr("feedback.summary.low")} ${number(lang, stats.summary.low_count)}`), true)
  if (stats.summary.average !== null) {
    const average = Math.round(stats.summary.average * 10) / 10
    see(
      "average",
      await figure("feedback-summary-average"),
      `${tr("feedback.summary.average")} ${tr("feedback.summary.averageValue", { n: number(lang, average), max: number(lang, 5) })}`
    )
  }
  const rows = root.getByTestId("feedback-trend-row")
  see("weekly rows", await rows.count(), stats.series.length)

  // The list, as the list API answers it.
  if (list.count) {
    await root.getByTestId("feedback-table").waitFor()
    const ratings = await root.getByTestId("feedback-rating").evaluateAll((els) => els.map((e) => Number(e.dataset.rating)))
    see("ratings", ratings, list.feedback.map((f) => f.rating))
    const dates = (await root.getByTestId("feedback-date").allInnerTexts()).map(squash)
    see("dates", dates, list.feedback.map((f) => squash(dateTime(lang, f.answered_at, zone))))
    const gifts = await root.getByTestId("feedback-gift").count()
    see("gifts", gifts, list.feedback.filter((f) => f.gift).length)
    const orders = (await root.getByTestId("feedback-order").allInnerTexts()).map(squash)
    see(
      "orders",
      orders,
      list.feedback.map((f) =>
        f.order_display_id === null ? tr("feedback.list.order") : tr("feedback.list.orderNumber", { n: number(lang, f.order_display_id) })
      )
    )
    const count = squash(await root.getByTestId("feedback-count").innerText())
    see("count", count, tr("feedback.list.count", { count: list.count, n: number(lang, list.count) }))
  } else {
    await root.getByText(tr("feedback.list.empty.heading")).waitFor()
  }
  await shot("feedback")
  say(`feedback: ${list.count} answers, ${stats.series.length} weeks, average ${stats.summary.average}, score ${stats.summary.score}`)

  // Rating 5 pressed: the request asks for it, and every row has 5 stars.
  const five = await nextList(
    page,
    "/admin/loyalty/feedback",
    () => root.getByTestId("feedback-filter-rating-5").click(),
    "rating 5 pressed"
  )
  see("rating filter sent", five.query.get("rating"), "5")
  see("rating filter pressed", await root.getByTestId("feedback-filter-rating-5").getAttribute("aria-pressed"), "true")
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="feedback-rating"]').length === n,
    five.body.feedback.length,
    { timeout: 15000 }
  )
  const shown = await root.getByTestId("feedback-rating").evaluateAll((els) => els.map((e) => Number(e.dataset.rating)))
  see("rows with 5 pressed", shown.filter((r) => r !== 5), [])
  await shot("feedback-rating-5")
  await root.getByTestId("feedback-filters-clear").click()
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="feedback-rating"]').length === n,
    list.feedback.length,
    { timeout: 15000 }
  )

  // The period's start: the 1st of the month the picker opens on (Jalali in
  // Persian) asks for that day's midnight in the shop's zone.
  await root.getByTestId("feedback-filter-from").locator("button").first().click()
  const calendar = page.getByRole("dialog").last()
  await calendar.waitFor()
  await shot("feedback-date-picker", { fullPage: false })
  const firstDay = calendar.locator('[role="gridcell"] [role="button"]:not([aria-disabled="true"])').filter({
    hasText: new RegExp(`^${number(lang, 1)}$`),
  })
  const picked = await nextList(
    page,
    "/admin/loyalty/feedback/stats",
    () => firstDay.first().click(),
    "a day picked"
  )
  await page.keyboard.press("Escape")
  const from = picked.query.get("from")
  expect(from, "picking a day sent no from=")
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US-u-nu-latn", {
      calendar: lang === "fa" ? "persian" : "gregory",
      timeZone: zone,
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    })
      .formatToParts(new Date(from))
      .map((p) => [p.type, p.value])
  )
  see("the period starts on the 1st at midnight (shop's calendar and zone)", `${parts.day} ${parts.hour}:${parts.minute}`, "1 00:00")
  const dated = await api("GET", `/admin/loyalty/feedback/stats?interval=week&from=${encodeURIComponent(from)}`)
  await page.waitForFunction(
    ({ n }) => document.querySelectorAll('[data-testid="feedback-trend-row"]').length === n,
    { n: dated.series.length },
    { timeout: 15000 }
  )
  see("answers since the 1st", await figure("feedback-summary-count"), `${tr("feedback.summary.count")} ${number(lang, dated.summary.count)}`)
  await shot("feedback-from")

  // By month: the stats asked by month.
  const monthly = await nextList(
    page,
    "/admin/loyalty/feedback/stats",
    () => root.getByTestId("feedback-interval-month").click(),
    "by month"
  )
  see("monthly interval sent", monthly.query.get("interval"), "month")
  await root.getByTestId("feedback-filters-clear").click()
  await shot("feedback-monthly")
  say(`feedback filters: rating=5 (${five.body.count}), from ${from} (${dated.summary.count}), by month`)

  // A customer's club card: their answers, count and newest.
  const customerId = list.feedback[0]?.customer?.id
  if (customerId) {
    const mine = await api("GET", `/admin/loyalty/customers/${customerId}/feedback`)
    await page.goto(`${base}/app/customers/${customerId}`)
    const widget = page.locator('[data-loyalty-widget="customer-club-card"]')
    const card = widget.getByTestId("customer-feedback")
    await card.getByTestId("customer-feedback-count").waitFor({ timeout: 60000 })
    see("card's answers", squash(await card.getByTestId("customer-feedback-count").innerText()), `${tr("feedback.customer.count")} ${number(lang, mine.summary.count)}`)
    see("card's newest answers", await card.getByTestId("customer-feedback-answer").count(), Math.min(3, mine.feedback.length))
    await shootWidget(ctx, widget, "customer-feedback")
  }

  if (failures.length) {
    throw new Error(`feedback (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkFeedback }

if (require.main === module) {
  runAlone(checkFeedback, "feedback")
}
