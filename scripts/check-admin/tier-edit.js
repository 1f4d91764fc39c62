#!/usr/bin/env node
// Editing one field of a loyalty tier in the admin (in ctx.lang) leaves
// every other field as it was. Two tiers above the shop's own, every field
// set (a rolling one: the names shoppers read, spend, orders, 200 days,
// rate, multiplier, metadata; a Jalali-year one, which has no window
// length), are created through the API; the Tiers page is loaded afresh and
// the tier opened at once (the store's currencies still loading); the form
// must show each field as stored (the spend in the shop's unit), the
// description is edited and saved, and the tier read through the API again
// must differ only in its description and updated_at. Then once more with
// the currencies answering late, and once saved with no change at all
// (nothing is sent).
//
// Runs on its own against a running store:
//   node scripts/check-admin/tier-edit.js [http://localhost:9000]
// and as the "tier edit" step of `npm run check:admin`.
const { adminApi, BASE, defaultSay, differences, runAlone } = require("./lib")
const { adminName, grouped, plain, shownAmount, spendAbove } = require("./tiers")

// Not "Check tier": the tiers check deletes those.
const PREFIX = "Check edit tier"

/** Fields that may change on save: the edited one and the timestamp. */
const CHANGING = new Set(["description", "updated_at"])

/** The window labels as the form's select shows them. */
const WINDOW_LABEL = {
  rolling: "tiers.window.rolling",
  calendar_year: "tiers.window.calendar_year",
  jalali_year: "tiers.window.jalali_year",
  lifetime: "tiers.window.lifetime",
}

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context: lang, tr, say, shot (lib.js createContext)
 */
async function checkTierEdit(page, ctx) {
  const base = ctx.base ?? BASE
  const say = ctx.say ?? defaultSay
  const { lang, tr } = ctx
  const api = adminApi(page, base)
  await deleteLeftovers(api)
  const failures = []
  const created = []
  try {
    const { tiers: shop } = await api("GET", "/admin/loyalty/tiers")
    const { settings } = await api("GET", "/admin/loyalty/settings")
    const top = shop.reduce((max, t) => Math.max(max, t.rank), 0)
    const spend = spendAbove(shop)
    const orders = Math.max(0, ...shop.map((t) => t.min_orders ?? 0))
    // All tiers count spend in one currency: the shop's, or IRR for the first.
    const currency = shop[0]?.currency_code ?? "irr"
    const stamp = new Date().toISOString().slice(11, 19)
    const cases = [
      {
        body: {
          name: `${PREFIX} ${stamp} rolling`,
          names: { fa: `سطح ویرایش ${stamp}`, en: `Edit tier ${stamp}` },
          description: "Every field set",
          rank: top + 20,
          currency_code: currency,
          min_spend: spend,
          min_orders: orders + 2,
          qualification_window: "rolling",
          window_days: 200,
          cashback_rate: "3.25",
          cashback_multiplier: "1.75",
          metadata: { source: "check-admin tier-edit" },
        },
        rounds: [
          // The first open after a page load: the currencies not there yet.
          { label: "rolling tier, first open", description: "Right after a load" },
          // Currencies that answer a second and a half after the form opens.
          {
            label: "rolling tier, currencies late",
            description: "While the currencies were loading",
            delayOptions: 1500,
          },
          // Saved without touching anything.
          { label: "rolling tier, no change", description: null },
        ],
      },
      {
        body: {
          name: `${PREFIX} ${stamp} jalali year`,
          names: null,
          description: "No window length",
          rank: top + 21,
          currency_code: currency,
          min_spend: `${spend}0`,
          min_orders: orders + 3,
          qualification_window: "jalali_year",
          window_days: null,
          cashback_rate: "4",
          cashback_multiplier: null,
        },
        rounds: [{ label: "Jalali-year tier, first open", description: "Right after a load" }],
      },
    ]
    for (const { body } of cases) {
      created.push((await api("POST", "/admin/loyalty/tiers", body)).tier)
    }
    const env = { ctx, base, lang, tr, display: settings.money_display }
    for (const [i, { rounds }] of cases.entries()) {
      for (const round of rounds) {
        const problems = await editRound(page, api, { ...env, id: created[i].id, round })
        if (problems.length) {
          failures.push(`${round.label}:\n    ${problems.join("\n    ")}`)
          break // the tier is no longer as created
        }
        say(
          `tier edit (${round.label}): ${round.description ? "description saved" : "nothing sent"}, every other field unchanged`
        )
      }
    }
  } finally {
    // Highest first: each deletion leaves a valid ladder.
    for (const tier of created.reverse()) {
      await api("DELETE", `/admin/loyalty/tiers/${tier.id}`).catch(() => {})
    }
  }
  if (failures.length) {
    throw new Error(`tier edit (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

/** One open, edit and save; what the form showed wrong or the save changed. */
async function editRound(page, api, env) {
  const url = `/admin/loyalty/tiers/${env.id}`
  const before = (await api("GET", url)).tier
  const problems = await editInForm(page, { ...env, tier: before })
  const after = (await api("GET", url)).tier
  const expected = env.round.description ?? before.description
  if (after.description !== expected) {
    problems.push(
      `the description is ${JSON.stringify(after.description)}, not ${JSON.stringify(expected)}`
    )
  }
  for (const c of differences(before, after, CHANGING)) {
    problems.push(
      `saving changed ${c.field}, which was not edited: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`
    )
  }
  return problems
}

async function deleteLeftovers(api) {
  const { tiers } = await api("GET", "/admin/loyalty/tiers")
  const leftovers = tiers.filter((t) => t.name.startsWith(PREFIX)).sort((a, b) => b.rank - a.rank)
  for (const tier of leftovers) {
    await api("DELETE", `/admin/loyalty/tiers/${tier.id}`)
  }
}

// The tiers page asks the store for its currencies.
const OPTION_URLS = /\/admin\/stores(\?|$)/

/** Opens the tier, edits its description, saves: what looked wrong. */
async function editInForm(page, env) {
  const { ctx, base, lang, tier, round } = env
  const problems = new Set()
  const slow = round.delayOptions
  const delay = async (route) => {
    await new Promise((r) => setTimeout(r, slow))
    await route.continue()
  }
  if (slow) {
    await page.route(OPTION_URLS, delay)
  }
  const sent = []
  const onRequest = (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/admin/loyalty/tiers/${tier.id}`)) {
      sent.push(request.postDataJSON())
    }
  }
  page.on("request", onRequest)
  const shotName = `tier-edit-${round.label.replace(/\W+/g, "-")}`
  try {
    // A fresh page load, then the tier opened as soon as it is listed.
    await page.goto(`${base}/app/loyalty/tiers`)
    const open = page
      .getByTestId("tier-name")
      .getByText(adminName({ lang }, tier), { exact: true })
    await open.waitFor({ timeout: 60000 })
    await open.click()
    const form = page.getByTestId("tier-form")
    await form.waitFor()
    // What a shop owner sees: the tier as it is, currencies loaded or not.
    for (const p of await formShows(page, env, tier)) problems.add(p)
    if (round.description !== null) {
      await page.fill("#tier-description", round.description)
    }
    // Let late currencies arrive before saving; then the form still shows it.
    await page.waitForTimeout((slow ?? 0) + 1000)
    const edited = { ...tier, description: round.description ?? tier.description }
    for (const p of await formShows(page, env, edited)) problems.add(p)
    await ctx.shot(shotName)
    await page.getByTestId("tier-form-submit").click()
    const closed = await form
      .waitFor({ state: "detached", timeout: 30000 })
      .then(() => true)
      .catch(() => false)
    if (!closed) {
      const errors = await form.locator('[role="alert"]').allInnerTexts()
      problems.add(`the form did not save: ${errors.join("; ") || "no error shown"}`)
      await ctx.shot(`${shotName}-refused`)
      await form.getByRole("button", { name: env.tr("common.actions.cancel") }).click()
      await form.waitFor({ state: "detached" })
    }
    const expectedBody = round.description === null ? [] : [{ description: round.description }]
    if (JSON.stringify(sent) !== JSON.stringify(expectedBody)) {
      problems.add(`the form sent ${JSON.stringify(sent)}, expected ${JSON.stringify(expectedBody)}`)
    }
  } finally {
    page.off("request", onRequest)
    if (slow) {
      await page.unroute(OPTION_URLS, delay)
    }
  }
  return [...problems]
}

/** Each field of the open form against the tier: what looks different. */
async function formShows(page, { tr, display }, tier) {
  const problems = []
  const text = (n) => (n == null ? "" : String(n))
  // Inputs show digits in the admin's language ("۲۰٬۰۰۰" in Persian).
  const see = (what, actual, expected) => {
    if (plain(actual) !== plain(expected)) {
      problems.push(`the form shows ${what} "${actual}", not "${expected}"`)
    }
  }
  const input = async (id, expected) => see(id, await page.inputValue(id), expected)
  await input("#tier-name", tier.name)
  await input("#tier-name-fa", tier.names?.fa ?? "")
  await input("#tier-name-en", tier.names?.en ?? "")
  await input("#tier-rank", text(tier.rank))
  await input("#tier-description", text(tier.description))
  see(
    "#tier-currency",
    (await page.locator("#tier-currency").innerText()).trim(),
    tier.currency_code.toUpperCase()
  )
  // The spend in the unit the shop counts in, grouped as staff type it.
  await input(
    "#tier-min-spend",
    tier.min_spend == null
      ? ""
      : tier.currency_code === "irr"
        ? grouped(shownAmount(tier.min_spend, display))
        : grouped(tier.min_spend)
  )
  await input("#tier-min-orders", text(tier.min_orders))
  see(
    "#tier-window",
    (await page.locator("#tier-window").innerText()).trim(),
    tr(WINDOW_LABEL[tier.qualification_window])
  )
  if (tier.qualification_window === "rolling") {
    await input("#tier-window-days", text(tier.window_days))
  } else if (await page.locator("#tier-window-days").isVisible()) {
    problems.push(`a ${tier.qualification_window} window asks for a number of days`)
  }
  await input("#tier-rate", text(tier.cashback_rate))
  await input("#tier-multiplier", text(tier.cashback_multiplier))
  return problems
}

module.exports = { checkTierEdit }

if (require.main === module) {
  runAlone(checkTierEdit, "tier edit")
}
