#!/usr/bin/env node
// The Loyalty analytics page (/app/loyalty/analytics) in the admin's
// language (ctx.lang), as a shop owner reads it:
// - every chart's route answers 200 and every section shows its charts or
//   an empty state that says so (which ones were empty is printed);
// - the headline figures (members, orders, cashback issued, credit owed)
//   read as the routes answer them, in the admin's digits and unit;
// - every chart has its one-line explanation and a CSV button whose file
//   starts with the UTF-8 byte order mark and has a header line in the
//   admin's language and rows of one width;
// - the charts' axes: Persian digits and no Latin word in Persian; the
//   months run from the right and the value axis stands on the right in
//   Persian, from the left in English; a tooltip in the admin's language;
// - the period picker: "this year" and "last month" ask for the first
//   moment of the shop's day that starts the Jalali (Persian) or
//   Gregorian year and month; "custom dates" opens Medusa's date picker
//   (Jalali in Persian) and the 1st picked asks for that day's midnight;
// - another currency of the store asks every figure in it;
// - Refresh rebuilds the rollups (POST .../refresh) and the freshness line
//   says "figures as of" a date;
// - no console error, in either language.
// Screenshots: the header, each section, a tooltip, the date picker. The
// Persian check runs on each screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/analytics.js [http://localhost:9000]
// and as the "analytics" step of `npm run check:admin`.
const fs = require("fs")
const { adminApi, expect, runAlone } = require("./lib")
const { irr, number } = require("./pos")

const ANALYTICS = "/admin/loyalty/analytics"

/** The routes the page reads, one per chart group. */
const FIGURES = [
  "members",
  "behaviour",
  "wallet",
  "liability",
  "retention",
  "lifetime-value",
  "omnichannel",
  "tiers",
  "programmes",
]

/** The liability is today's: a new period does not ask for it again. */
const PERIOD_FIGURES = FIGURES.filter((f) => f !== "liability")

const SECTIONS = ["members", "behaviour", "wallet", "retention", "lifetime", "omnichannel", "tiers", "programmes"]

/** Every chart (or card row, or table) on the page, in order. */
const CHARTS = [
  "members",
  "behaviour",
  "aov",
  "aov-tier",
  "wallet",
  "wallet-flows",
  "liability",
  "retention",
  "ltv-tier",
  "ltv-channel",
  "ltv-join",
  "omnichannel",
  "locations",
  "tier-members",
  "tier-moves",
  "codes",
  "occasions",
  "referrals",
]

/** Charts whose category axis is months. */
const MONTH_CHARTS = ["analytics-ltv-join-chart", "analytics-omnichannel-chart", "analytics-tier-members-chart", "analytics-tier-moves-chart", "analytics-liability-chart"]

const squash = (text) => text.replace(/\s+/g, " ").trim()

/**
 * A screenshot of a part taller than the window: the admin scrolls inside
 * its own frame, so the window grows to hold the part, then shrinks back.
 */
async function shootTall(page, ctx, part, name) {
  const viewport = page.viewportSize()
  await part.scrollIntoViewIfNeeded()
  const box = await part.boundingBox()
  if (box && box.height + 200 > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.height + 200) })
  }
  try {
    await part.scrollIntoViewIfNeeded()
    // The pointer off the charts: a chart under it would show its tooltip.
    await page.mouse.move(1, 1)
    await page.waitForTimeout(150) // the charts resize to the window
    return await ctx.shot(name, { of: part })
  } finally {
    await page.setViewportSize(viewport)
  }
}

/**
 * The answers of `figures` the page asks for once `action` ran: each
 * figure's query and answer (the first request of each).
 */
async function answersAfter(page, figures, action, what) {
  const seen = {}
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off("response", onResponse)
      reject(new Error(`${what}: no answer from ${figures.filter((f) => !seen[f]).join(", ")}`))
    }, 90000)
    async function onResponse(res) {
      const url = new URL(res.url())
      const figure = url.pathname.slice(ANALYTICS.length + 1)
      if (!url.pathname.startsWith(`${ANALYTICS}/`) || !figures.includes(figure) || seen[figure]) return
      if (res.request().method() !== "GET") return
      seen[figure] = { query: Object.fromEntries(url.searchParams), status: res.status(), body: null }
      seen[figure].body = await res.json().catch(() => ({}))
      if (figures.every((f) => seen[f] && seen[f].body)) {
        clearTimeout(timer)
        page.off("response", onResponse)
        resolve(seen)
      }
    }
    page.on("response", onResponse)
  })
  await action()
  const answers = await done
  const failed = figures.filter((f) => answers[f].status !== 200)
  expect(
    !failed.length,
    `${what}: ${failed.map((f) => `${f} answered ${answers[f].status}: ${answers[f].body?.message}`).join("; ")}`
  )
  return answers
}

/** An instant's day, month, hour and minute on the shop's calendar (Persian or Gregorian). */
function shopParts(iso, lang, timeZone) {
  return Object.fromEntries(
    new Intl.DateTimeFormat("en-US-u-nu-latn", {
      calendar: lang === "fa" ? "persian" : "gregory",
      timeZone,
      day: "numeric",
      month: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)])
  )
}

/**
 * The CSV a chart's button saves: its name, its byte order mark and its
 * lines' fields. Chromium drops a download that follows ten others too
 * closely, so each waits a moment, and one dropped is asked for again.
 */
async function downloadCsv(page, button, what) {
  let download = null
  for (let attempt = 1; !download && attempt <= 2; attempt++) {
    await page.waitForTimeout(attempt === 1 ? 300 : 1500)
    ;[download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }).catch(() => null), button.click()])
  }
  expect(download, `${what}: no file was saved`)
  const file = await download.path()
  const text = fs.readFileSync(file, "utf8")
  // A small parser: quoted fields may hold commas, quotes and line breaks.
  const lines = []
  let row = []
  let field = ""
  let quoted = false
  const body = text.replace(/^\uFEFF/, "")
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ",") {
      row.push(field)
      field = ""
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(field)
      lines.push(row)
      row = []
      field = ""
      i++
    } else field += c
  }
  return { name: download.suggestedFilename(), bom: text.startsWith("\uFEFF"), lines }
}

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkAnalytics(page, ctx) {
  const { base, lang, tr, say, shot, settings } = ctx
  const api = adminApi(page, base)
  const zone = settings.time_zone
  const display = settings.money_display
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }
  const root = page.locator('[data-loyalty-page="analytics"]')
  // Every section's charts, none still showing the last period's figures.
  const sectionsShown = async () => {
    await Promise.all(
      SECTIONS.map((id) =>
        root.getByTestId(`analytics-section-${id}`).getByTestId("analytics-section-body").waitFor({ timeout: 60000 })
      )
    )
    await page.waitForFunction(
      () => !document.querySelector('[data-loyalty-page="analytics"] [aria-busy="true"]'),
      null,
      { timeout: 30000 }
    )
  }

  // The page, the last 30 days: every figure asked for and shown.
  const first = await answersAfter(page, FIGURES, () => page.goto(`${base}/app/loyalty/analytics`), "the page")
  await root.getByRole("heading", { name: tr("analytics.title"), exact: true }).waitFor({ timeout: 60000 })
  await sectionsShown()
  const errors = await root.getByTestId("analytics-error").allInnerTexts()
  see("sections in error", errors, [])
  see("calendar asked for", first.members.query.calendar, lang === "fa" ? "jalali" : "gregorian")
  const currency = first.members.body.currency_code

  await page.waitForTimeout(300)
  await shot("analytics", { fullPage: false })

  // The headline figures, as the routes answer them.
  const figure = async (id) => squash(await root.getByTestId(id).getByTestId("analytics-figure-value").innerText())
  const m = first.members.body
  if (m.total || m.orders) {
    see("members", await figure("analytics-members-total"), number(lang, m.total))
    see("new members", await figure("analytics-members-new"), number(lang, m.new))
    see("active members", await figure("analytics-members-active"), number(lang, m.active))
  }
  const b = first.behaviour.body
  if (b.orders) see("orders", await figure("analytics-behaviour-orders"), number(lang, b.orders))
  const money = (amount) => (currency === "irr" && /^-?\d+$/.test(amount) ? irr(ctx, amount, display) : null)
  const w = first.wallet.body
  if ((await root.getByTestId("analytics-chart-wallet").getAttribute("data-empty")) === "false" && money(w.issued)) {
    see("cashback issued", await figure("analytics-wallet-issued"), money(w.issued))
  }
  const l = first.liability.body
  if ((await root.getByTestId("analytics-chart-liability").getAttribute("data-empty")) === "false" && money(l.total)) {
    see("credit owed", await figure("analytics-liability-total"), money(l.total))
  }

  // Every chart: its explanation, its CSV button, or an empty state.
  const charts = await root.locator('[data-testid^="analytics-chart-"]').evaluateAll((els) =>
    els.map((e) => ({ id: e.dataset.testid.slice("analytics-chart-".length), empty: e.dataset.empty === "true" }))
  )
  see("charts", charts.map((c) => c.id), CHARTS)
  for (const id of CHARTS) {
    const block = root.getByTestId(`analytics-chart-${id}`)
    const explanation = squash(await block.getByTestId("analytics-explanation").innerText())
    if (!explanation) failures.push(`the chart ${id} has no explanation`)
    if (!(await block.getByTestId(`analytics-csv-${id}`).isVisible())) failures.push(`the chart ${id} has no CSV button`)
  }
  const empty = charts.filter((c) => c.empty).map((c) => c.id)
  say(`${charts.length} charts, ${empty.length ? `empty: ${empty.join(", ")}` : "none empty"}`)

  // The axes: the admin's digits and words; months and the value axis in the admin's direction.
  const axes = await root.locator(".recharts-cartesian-axis-tick-value").allTextContents()
  const drawn = await root.locator(".recharts-surface").count()
  if (drawn && !axes.length) failures.push(`${drawn} charts drawn, but no axis label found`)
  if (lang === "fa") {
    const latin = axes.filter((text) => /[0-9A-Za-z]/.test(text))
    see("axis labels with Latin digits or letters", latin, [])
  }
  for (const testId of MONTH_CHARTS) {
    const chart = root.getByTestId(testId)
    if (!(await chart.count())) continue
    // Recharts 3 draws the tick labels in a layer of their own, apart from the axes' lines.
    const ticks = await chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label").evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect().x)
    )
    if (ticks.length >= 2) {
      see(`${testId}: months run ${lang === "fa" ? "from the right" : "from the left"}`, lang === "fa" ? ticks[0] > ticks[ticks.length - 1] : ticks[0] < ticks[ticks.length - 1], true)
    }
    const side = await chart.evaluate((el) => {
      const y = el.querySelector(".recharts-yAxis-tick-labels")
      const plot = el.querySelector(".recharts-cartesian-grid")
      if (!y || !plot) return null
      const a = y.getBoundingClientRect()
      const b = plot.getBoundingClientRect()
      return a.x + a.width / 2 > b.x + b.width / 2 ? "right" : "left"
    })
    if (side) see(`${testId}: the value axis`, side, lang === "fa" ? "right" : "left")
  }

  // A tooltip, in the admin's language.
  const flows = root.getByTestId("analytics-wallet-flows-chart")
  if (await flows.count()) {
    await flows.scrollIntoViewIfNeeded()
    const box = await flows.locator(".recharts-cartesian-grid").boundingBox()
    // The first category (cashback issued) sits at the start: the right in Persian.
    const x = lang === "fa" ? box.x + box.width - box.width / 10 : box.x + box.width / 10
    await page.mouse.move(x, box.y + box.height / 2)
    const tip = flows.getByTestId("analytics-tooltip")
    await tip.waitFor({ timeout: 10000 })
    const text = squash(await tip.innerText())
    see("the tooltip names the flow", text.startsWith(tr("analytics.wallet.flows.issued")), true)
    see("the tooltip names the periods", text.includes(tr("analytics.thisPeriod")) && text.includes(tr("analytics.previousPeriod")), true)
    if (money(w.issued)) see("the tooltip's amount", text.includes(money(w.issued)), true)
    await ctx.shot("analytics-tooltip", { of: root.getByTestId("analytics-chart-wallet-flows") })
    await page.mouse.move(0, 0)
  }

  // Each chart's CSV: a byte order mark, a header in the admin's language, rows of one width.
  for (const id of CHARTS) {
    const csv = await downloadCsv(page, root.getByTestId(`analytics-csv-${id}`), `the CSV of ${id}`)
    const [header = [], ...rows] = csv.lines
    if (!csv.bom) failures.push(`${id}.csv has no byte order mark`)
    if (!csv.name.endsWith(".csv") || !csv.name.startsWith(`loyalty-`)) failures.push(`${id}: the file is named ${csv.name}`)
    if (header.length < 2) failures.push(`${id}.csv: its header is ${JSON.stringify(header)}`)
    if (lang === "fa" && !header.some((h) => /[\u0600-\u06FF]/.test(h))) failures.push(`${id}.csv: its header is not in Persian: ${JSON.stringify(header)}`)
    const widths = [...new Set(rows.map((r) => r.length))]
    if (widths.some((n) => n !== header.length)) failures.push(`${id}.csv: rows of ${widths.join(", ")} fields under ${header.length} headers`)
  }
  const retentionCsv = await downloadCsv(page, root.getByTestId("analytics-csv-retention"), "the CSV of retention")
  see("retention.csv rows", retentionCsv.lines.length - 1, first.retention.body.cohorts.length)
  say(`${CHARTS.length} CSV files: byte order mark, header in ${lang}, rows of one width`)

  await shootTall(page, ctx, root.getByTestId("analytics-header"), "analytics-header")

  // This year: from the shop's 1 Farvardin (Persian) or 1 January, at midnight.
  const pickPreset = async (preset) => {
    await root.getByTestId("analytics-period").click()
    await page.getByRole("option", { name: tr(`analytics.period.presets.${preset}`), exact: true }).click()
  }
  const year = await answersAfter(page, PERIOD_FIGURES, () => pickPreset("thisYear"), "this year")
  const yearStart = shopParts(year.members.query.from, lang, zone)
  see("this year starts", [yearStart.month, yearStart.day, yearStart.hour, yearStart.minute], [1, 1, 0, 0])
  await sectionsShown()
  await page.waitForTimeout(300)
  for (const id of SECTIONS) {
    await shootTall(page, ctx, root.getByTestId(`analytics-section-${id}`), `analytics-${id}`)
  }
  say(`this year: from ${year.members.query.from}; ${SECTIONS.length} sections shot`)

  // Custom dates: Medusa's date picker (Jalali in Persian), opened on the
  // year's first month; the 2nd picked asks for that day's midnight.
  await pickPreset("custom")
  const picker = root.getByTestId("analytics-from")
  await picker.waitFor()
  await picker.locator("button").first().click()
  const calendar = page.getByRole("dialog").last()
  await calendar.waitFor()
  await page.waitForTimeout(300)
  await shot("analytics-date-picker", { fullPage: false })
  const secondDay = calendar.locator('[role="gridcell"] [role="button"]:not([aria-disabled="true"])').filter({
    hasText: new RegExp(`^${number(lang, 2)}$`),
  })
  const picked = await answersAfter(page, PERIOD_FIGURES, () => secondDay.first().click(), "a custom start")
  await page.keyboard.press("Escape")
  const pickedFrom = shopParts(picked.members.query.from, lang, zone)
  see("the custom period starts on the 2nd of the first month at midnight", [pickedFrom.month, pickedFrom.day, pickedFrom.hour, pickedFrom.minute], [1, 2, 0, 0])
  see("the custom period ends with today", picked.members.query.to, year.members.query.to)
  await sectionsShown()
  await shootTall(page, ctx, root.getByTestId("analytics-header"), "analytics-custom")
  say(`custom: from ${picked.members.query.from} to ${picked.members.query.to}`)

  // Last month: the whole previous month of the admin's calendar.
  const last = await answersAfter(page, PERIOD_FIGURES, () => pickPreset("lastMonth"), "last month")
  const from = shopParts(last.members.query.from, lang, zone)
  const to = shopParts(last.members.query.to, lang, zone)
  see("last month starts on the 1st at midnight", [from.day, from.hour, from.minute], [1, 0, 0])
  see("last month ends at the next 1st", [to.day, to.hour, to.minute, (to.month + 12 - from.month) % 12], [1, 0, 0, 1])
  see(
    "the period compared with the same length before",
    new Date(last.members.body.period.previous_to).getTime() - new Date(last.members.body.period.previous_from).getTime(),
    new Date(last.members.query.to).getTime() - new Date(last.members.query.from).getTime()
  )
  await sectionsShown()
  await shootTall(page, ctx, root.getByTestId("analytics-header"), "analytics-last-month")
  say(`last month: from ${last.members.query.from} to ${last.members.query.to}`)

  // Another currency of the store, if it has one: every figure (the credit owed too) asked in it.
  const { stores } = await api("GET", "/admin/stores?fields=supported_currencies.currency_code")
  const other = (stores[0]?.supported_currencies ?? []).map((c) => c.currency_code.toLowerCase()).find((c) => c !== currency)
  if (other) {
    const switched = await answersAfter(
      page,
      FIGURES,
      async () => {
        await root.getByTestId("analytics-currency").click()
        await page.getByRole("option", { name: other.toUpperCase(), exact: true }).click()
      },
      `the currency ${other}`
    )
    see("currency asked for", [...new Set(FIGURES.map((f) => switched[f].query.currency))], [other])
    see("currency answered", switched.wallet.body.currency_code, other)
    await sectionsShown()
    await shootTall(page, ctx, root.getByTestId("analytics-section-wallet"), `analytics-wallet-${other}`)
    say(`currency ${other}: every figure asked again`)
  }

  // Refresh: the rollups rebuilt, the line says how fresh.
  const refreshed = page.waitForResponse(
    (res) => new URL(res.url()).pathname === `${ANALYTICS}/refresh` && res.request().method() === "POST",
    { timeout: 120000 }
  )
  await root.getByTestId("analytics-refresh").click()
  const res = await refreshed
  const answer = await res.json().catch(() => ({}))
  expect(res.ok(), `refreshing answered ${res.status()}: ${answer.message}`)
  await page.locator("[data-sonner-toast]").filter({ hasText: tr("analytics.freshness.refreshed") }).first().waitFor({ timeout: 30000 })
  const asOf = tr("analytics.freshness.asOf", { date: "\u0000" }).split("\u0000")[0]
  await page.waitForFunction(
    (prefix) => document.querySelector('[data-testid="analytics-freshness-text"]')?.textContent?.startsWith(prefix),
    asOf,
    { timeout: 30000 }
  )
  const fresh = await api("GET", `${ANALYTICS}/freshness`)
  see("freshness after a refresh", !!fresh.freshness.built_at, true)
  await shootTall(page, ctx, root.getByTestId("analytics-header"), "analytics-refreshed")
  say(`refreshed: ${squash(await root.getByTestId("analytics-freshness-text").innerText())}`)

  const consoleErrors = ctx.consoleErrors()
  if (consoleErrors.length) failures.push(`console errors:\n    ${consoleErrors.join("\n    ")}`)
  if (failures.length) {
    throw new Error(`analytics (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkAnalytics }

if (require.main === module) {
  runAlone(checkAnalytics, "analytics")
}
