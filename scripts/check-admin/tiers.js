// The Tiers page in the admin's language (ctx.lang), by clicks and typing:
// an empty form refused at its fields all at once; a tier created with the
// names shoppers read in Persian and English and a minimum spend typed as a
// shop owner types it (Toman, grouped, Persian digits in Persian); a lower
// spend at a higher rank refused by the API at the spend field; a tier
// edited to the Jalali year; Evaluate now; the grace period kept after a
// reload; Sara pinned to a tier and unpinned (customer-tier.js); the tiers
// deleted after a confirmation. The "tiers" step of `npm run check:admin`.
// Also the tier helpers tier-edit.js and customer-tier.js share.
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminJson, BASE, customerByEmail, defaultSay, expect } = require("./lib")

// Tiers the check creates carry this prefix. They go above the shop's own
// tiers (a higher rank must ask for more), so it deletes any left by an
// interrupted run before it starts, and its own when done.
const CHECK_TIER = "Check tier"

/** The Intl locale the admin formats with (src/admin/lib/i18n.ts). */
const LOCALE = { en: "en-GB", fa: "fa-IR-u-ca-persian-nu-arabext", ar: "ar-EG-u-nu-arab" }

const number = (lang, value) =>
  new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 20 }).format(String(value))

// In the shop's time zone, as the admin shows dates: just after midnight in
// Tehran the UTC date is still the day before.
const date = (lang, iso, timeZone) =>
  new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "medium", timeZone }).format(new Date(iso))

/** Digits as a shop owner types them in `lang`: "1,000" -> "۱٬۰۰۰" in Persian. */
const typed = (lang, text) =>
  lang === "fa" ? text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]).replace(/,/g, "٬") : text

const grouped = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/** An API amount in rial as the shop's unit shows it ("150000000" -> "15000000" Toman). */
const shownAmount = (rial, display) =>
  display === "toman" ? (BigInt(rial) / 10n).toString() : String(rial)

/** An IRR amount as the admin shows it: "۱۵٬۰۰۰٬۰۰۰ تومان". */
const irr = (ctx, rial, display) =>
  `${number(ctx.lang, shownAmount(rial, display))} ${ctx.tr(`common.units.${display}`)}`

const squash = (text) => text.replace(/\s+/g, " ").replace(/[\u2066-\u2069]/g, "").trim()

/** ctx.tr without the `<v>` marks of isolated values. */
const say = (ctx, key, vars) => ctx.tr(key, vars).replace(/<\/?v>/g, "")

/** A plural key in the admin's language, as i18next picks its form. */
const plural = (ctx, key, count, vars) => say(ctx, key, { ...vars, count })

/** A template as written, its {{values}} left in (for `pattern`). */
const raw = (ctx, key, names, count) =>
  ctx.tr(key, {
    ...Object.fromEntries(names.map((n) => [n, `{{${n}}}`])),
    ...(count === undefined ? {} : { count }),
  })

/** Digits and separators as 0-9 "," ".", for comparing what an input shows. */
const plain = (text) =>
  text
    .replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d)))
    .replace(/٬/g, ",")
    .replace(/٫/g, ".")

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * A translated template as a pattern: each {{value}} given in `vars` as
 * written (perhaps in bidi isolation marks), any other any number in any
 * digits.
 */
const pattern = (template, vars = {}) =>
  new RegExp(
    template
      .replace(/<\/?v>/g, "")
      .split(/(\{\{\w+\}\})/)
      .map((part) => {
        const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1]
        if (!name) return escape(part)
        return name in vars
          ? `[\u2066-\u2069]?${escape(String(vars[name]))}[\u2066-\u2069]?`
          : "[\\d۰-۹٠-٩,٬]+"
      })
      .join("")
  )

/** The tier's name as the admin reads it: the shoppers' name in its language. */
const adminName = (ctx, tier) => (ctx.lang === "ar" ? null : tier.names?.[ctx.lang]) || tier.name

/** The list row showing a tier name. */
const tierRow = (page, name) =>
  page
    .locator('[data-loyalty-page="tiers"] tbody tr')
    .filter({ has: page.getByTestId("tier-name").getByText(name, { exact: true }) })

async function rowAction(page, name, testId) {
  await tierRow(page, name).getByTestId("tier-actions").click()
  await page.getByTestId(testId).click()
}

async function deleteCheckTiers(page, prefix = CHECK_TIER) {
  const { tiers } = await adminJson(page, "GET", "/admin/loyalty/tiers")
  // Highest first: each deletion leaves a valid ladder.
  for (const tier of tiers.filter((t) => t.name.startsWith(prefix)).sort((a, b) => b.rank - a.rank)) {
    await adminJson(page, "DELETE", `/admin/loyalty/tiers/${tier.id}`)
  }
}

/** A round spend in rial above every tier's: "10000000000" above 1,000,000,000. */
function spendAbove(tiers) {
  const digits = Math.max(
    6,
    ...tiers.filter((t) => t.min_spend != null).map((t) => t.min_spend.split(".")[0].length)
  )
  return `1${"0".repeat(digits + 1)}`
}

/** A screenshot (`<name>-<lang>.png`), in Persian also the Persian check of the page. */
const shot = (ctx, name, options = {}) => ctx.shot(name, options)

/** Chooses an option of a shared SelectField by its label. */
async function choose(page, id, label) {
  await page.locator(`#${id}`).click()
  await page.getByRole("option", { name: label, exact: true }).click()
}

// Number fields, typed in the admin's digits.
const NUMERIC = new Set(["tier-rank", "tier-min-orders", "tier-window-days", "tier-rate", "tier-multiplier"])

async function fillTierForm(page, ctx, fields, display) {
  const form = page.getByTestId("tier-form")
  await form.waitFor()
  for (const [id, value] of Object.entries(fields)) {
    if (id === "tier-min-spend") {
      // Typed as the shop counts: Toman (or Rial), grouped, in the admin's digits.
      await page.locator(`#${id}`).fill("")
      await page
        .locator(`#${id}`)
        .pressSequentially(typed(ctx.lang, grouped(shownAmount(value, display))))
    } else {
      await page.fill(`#${id}`, NUMERIC.has(id) ? typed(ctx.lang, String(value)) : String(value))
    }
  }
}

async function submitTierForm(page) {
  const answered = page.waitForResponse(
    (res) => /\/admin\/loyalty\/tiers(\/[^/]+)?$/.test(res.url()) && res.request().method() === "POST"
  )
  await page.getByTestId("tier-form-submit").click()
  const res = await answered
  return { status: res.status(), sent: res.request().postDataJSON(), answer: await res.json() }
}

async function checkTiers(page, ctx) {
  const { tr } = ctx
  const log = ctx.say ?? defaultSay
  const base = ctx.base ?? BASE
  const lang = ctx.lang ?? "en"
  const stamp = new Date().toISOString().slice(11, 19)
  const nameA = `${CHECK_TIER} A ${lang}`
  const nameB = `${CHECK_TIER} B ${lang}`
  // The names shoppers read; the admin lists a tier by the one in its language.
  const namesA = { fa: `سطح آزمایشی الف ${stamp}`, en: `Trial tier A ${stamp}` }
  const namesB = { fa: `سطح آزمایشی ب ${stamp}`, en: `Trial tier B ${stamp}` }
  const shownA = adminName(ctx, { name: nameA, names: namesA })
  const shownB = adminName(ctx, { name: nameB, names: namesB })
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  // As read once at the start of the run: a retried step restores these.
  const settings =
    ctx.settings ?? (await adminJson(page, "GET", "/admin/loyalty/settings")).settings
  const display = settings.money_display
  const { customer_tier: saraBefore } = await adminJson(
    page,
    "GET",
    `/admin/loyalty/customers/${sara.id}/tier`
  )
  try {
    await deleteCheckTiers(page)
    const { tiers: shop } = await adminJson(page, "GET", "/admin/loyalty/tiers")
    const top = shop.reduce((max, t) => Math.max(max, t.rank), 0)
    const spendA = spendAbove(shop)
    const spendB = (BigInt(spendA) * 2n).toString()
    const ordersFloor = Math.max(0, ...shop.map((t) => t.min_orders ?? 0))

    await page.goto(`${base}/app/loyalty/tiers`)
    const list = page.locator('[data-loyalty-page="tiers"]')
    await list.getByRole("heading", { name: tr("tiers.title"), exact: true }).waitFor({ timeout: 60000 })
    await list
      .getByTestId("tier-name")
      .first()
      .or(list.getByText(tr("tiers.list.empty.title")))
      .waitFor({ timeout: 60000 })
    log(`tiers listed: ${await list.getByTestId("tier-name").count()}`)
    // Each shop tier shows by the name in the admin's language, its spend in the shop's unit.
    for (const tier of shop) {
      const row = tierRow(page, adminName(ctx, tier))
      await row.waitFor({ timeout: 30000 })
      if (tier.min_spend != null) {
        const text = squash(await row.innerText())
        const spend = say(ctx, "tiers.summary.spend", { amount: irr(ctx, tier.min_spend, display) })
        expect(text.includes(spend), `Row of ${tier.name} lacks "${spend}": ${text}`)
      }
    }
    await shot(ctx, "tiers")

    // An empty form: every error at its field, at once.
    await page.getByTestId("tiers-create").click()
    await fillTierForm(page, ctx, { "tier-window-days": "" }, display)
    await page.getByTestId("tier-form-submit").click()
    await page
      .locator("#tier-name-error")
      .getByText(tr("common.validation.required"))
      .waitFor({ timeout: 10000 })
    await page.locator("#tier-min-spend-error").getByText(tr("tiers.form.thresholdRequired")).waitFor()
    await page.locator("#tier-window-days-error").getByText(tr("common.validation.required")).waitFor()
    await shot(ctx, "tier-form-required")
    log("empty tier form: name, spend or orders and the window's days refused at their fields")

    // A tier above the shop's own, with the names shoppers read.
    await fillTierForm(
      page,
      ctx,
      {
        "tier-name": nameA,
        "tier-name-fa": namesA.fa,
        "tier-name-en": namesA.en,
        "tier-rank": top + 10,
        "tier-min-spend": spendA,
        "tier-min-orders": ordersFloor || "",
        "tier-window-days": "365",
        "tier-rate": "4",
        "tier-multiplier": "1.25",
      },
      display
    )
    if (lang === "fa") {
      const words = await page.locator('[data-field="tier-min-spend"] [data-amount-words]').innerText()
      log(`minimum spend in words: ${words}`)
      expect(words.endsWith(tr(`common.units.${display}`)), `Words under the spend: ${words}`)
    }
    await shot(ctx, "tier-form")
    const created = await submitTierForm(page)
    expect(created.status === 201, `Creating ${nameA} answered ${created.status}: ${created.answer.message}`)
    expect(
      created.sent.min_spend === spendA &&
        created.sent.names?.fa === namesA.fa &&
        created.sent.names?.en === namesA.en &&
        created.sent.qualification_window === "rolling",
      `Sent ${JSON.stringify(created.sent)}`
    )
    await page
      .getByText(pattern(raw(ctx, "tiers.toast.saved", ["name"]), { name: shownA }))
      .first()
      .waitFor({ timeout: 30000 })
    await page.getByTestId("tier-form").waitFor({ state: "detached", timeout: 30000 })
    await tierRow(page, shownA).waitFor({ timeout: 30000 })
    const rowA = squash(await tierRow(page, shownA).innerText())
    log(`created: ${rowA}`)
    for (const part of [
      say(ctx, "tiers.summary.spend", { amount: irr(ctx, spendA, display) }),
      plural(ctx, "tiers.summary.rollingDays", 365, { days: number(lang, 365) }),
      say(ctx, "tiers.summary.rate", { rate: `${number(lang, 4)}${tr("common.units.percent")}` }),
      say(ctx, "tiers.summary.multiplier", { multiplier: number(lang, "1.25") }),
    ]) {
      expect(rowA.includes(part), `The row of ${nameA} lacks "${part}": ${rowA}`)
    }

    // Ranked higher but asking for less: the API refuses, the form says why
    // at the spend field and stays open.
    ctx.expectConsoleError(/Failed to load resource: the server responded with a status of 400/)
    await page.getByTestId("tiers-create").click()
    await fillTierForm(
      page,
      ctx,
      {
        "tier-name": nameB,
        "tier-name-fa": namesB.fa,
        "tier-name-en": namesB.en,
        "tier-rank": top + 11,
        "tier-min-spend": "100000",
        "tier-min-orders": ordersFloor || "",
      },
      display
    )
    const refused = await submitTierForm(page)
    expect(refused.status === 400, `A lower spend at a higher rank answered ${refused.status}`)
    const spendError = page.locator("#tier-min-spend-error")
    await spendError.waitFor({ timeout: 30000 })
    const expectedError = tr(`errors.${refused.answer.code}`)
    expect(
      squash(await spendError.innerText()) === squash(expectedError),
      `The spend field says "${await spendError.innerText()}", expected "${expectedError}" (${refused.answer.code})`
    )
    log(`lower spend at a higher rank refused at the field: ${await spendError.innerText()}`)
    expect(await page.getByTestId("tier-form").isVisible(), "The tier form closed after a 400")
    await shot(ctx, "tier-form-error")
    await fillTierForm(page, ctx, { "tier-min-spend": spendB }, display)
    const createdB = await submitTierForm(page)
    expect(createdB.status === 201, `Creating ${nameB} answered ${createdB.status}`)
    await page.getByTestId("tier-form").waitFor({ state: "detached", timeout: 30000 })
    await tierRow(page, shownB).waitFor({ timeout: 30000 })

    // The search finds a tier by any of its names.
    const search = page.locator('[data-loyalty-page="tiers"] input[type="search"]')
    await search.fill(namesB.en)
    await tierRow(page, shownA).waitFor({ state: "detached", timeout: 30000 })
    await tierRow(page, shownB).waitFor()
    log(`search "${namesB.en}": ${await page.getByTestId("tier-name").count()} tier`)
    await search.fill("")
    await tierRow(page, shownA).waitFor({ timeout: 30000 })

    // Edit B: the Jalali year and a number of orders; the names stay.
    await rowAction(page, shownB, "tier-edit")
    await page.getByTestId("tier-form").waitFor()
    expect((await page.inputValue("#tier-name")) === nameB, "The edit form does not show the tier")
    expect((await page.inputValue("#tier-name-fa")) === namesB.fa, "The edit form lost the Persian name")
    await choose(page, "tier-window", tr("tiers.window.jalali_year"))
    await page
      .locator('[data-field="tier-window"]')
      .getByText(tr("tiers.form.window.hint.jalali_year"))
      .waitFor()
    expect(!(await page.locator("#tier-window-days").isVisible()), "A Jalali year still asks for days")
    await page.fill("#tier-min-orders", typed(lang, String(ordersFloor + 3)))
    await shot(ctx, "tier-form-edit")
    const edited = await submitTierForm(page)
    expect(edited.status === 200, `Editing ${nameB} answered ${edited.status}: ${edited.answer.message}`)
    expect(
      JSON.stringify(Object.keys(edited.sent).sort()) ===
        JSON.stringify(["min_orders", "qualification_window", "window_days"]),
      `The edit sent more than it changed: ${JSON.stringify(edited.sent)}`
    )
    expect(
      edited.answer.tier.qualification_window === "jalali_year" &&
        edited.answer.tier.min_orders === ordersFloor + 3 &&
        edited.answer.tier.names?.fa === namesB.fa,
      `Saved ${JSON.stringify(edited.answer.tier)}`
    )
    await page.getByTestId("tier-form").waitFor({ state: "detached", timeout: 30000 })
    const ordersText = plural(ctx, "tiers.summary.orders", ordersFloor + 3, {
      orders: number(lang, ordersFloor + 3),
    })
    await tierRow(page, shownB).getByText(ordersText, { exact: true }).waitFor({ timeout: 30000 })
    const rowB = squash(await tierRow(page, shownB).innerText())
    log(`edited: ${rowB}`)
    expect(rowB.includes(tr("tiers.window.jalali_year")), `The row of ${nameB}: ${rowB}`)

    await page.getByTestId("tiers-evaluate").click()
    const counts = ["n", "up", "down", "grace"]
    const evaluated = page
      .getByText(pattern(raw(ctx, "tiers.toast.evaluated", counts, 2)))
      .or(page.getByText(pattern(raw(ctx, "tiers.toast.evaluated", counts, 1))))
    await evaluated.first().waitFor({ timeout: 60000 })
    log(`evaluate now: ${await evaluated.first().innerText()}`)

    // The grace period survives a reload.
    const grace = settings.tier_grace_days === 45 ? 30 : 45
    await page.fill("#tier-grace-days", typed(lang, String(grace)))
    const saved = page.waitForResponse(
      (res) => res.url().endsWith("/admin/loyalty/settings") && res.request().method() === "POST"
    )
    await page.getByTestId("tier-settings-save").click()
    expect((await saved).request().postDataJSON().tier_grace_days === grace, "The grace period sent")
    await page.getByText(tr("common.states.saved")).first().waitFor({ timeout: 30000 })
    await page.reload()
    await page.locator("#tier-grace-days").waitFor({ timeout: 60000 })
    await page.waitForFunction(
      (value) =>
        (document.querySelector("#tier-grace-days")?.value ?? "").replace(/[۰-۹]/g, (d) =>
          String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))
        ) === value,
      String(grace),
      { timeout: 60000 }
    )
    log(`grace period ${settings.tier_grace_days} -> ${grace} days: kept after a reload`)
    await tierRow(page, shownA).waitFor({ timeout: 60000 })
    await shot(ctx, "tiers-after")

    const { checkCustomerTier } = require("./customer-tier")
    const { tiers: now } = await adminJson(page, "GET", "/admin/loyalty/tiers")
    await checkCustomerTier(page, ctx, { sara, tier: now.find((t) => t.name === nameA), stamp })

    // Delete asks first and says who moved.
    await page.goto(`${base}/app/loyalty/tiers`)
    for (const [name, shown] of [
      [nameB, shownB],
      [nameA, shownA],
    ]) {
      await tierRow(page, shown).waitFor({ timeout: 60000 })
      await rowAction(page, shown, "tier-delete")
      const dialog = page.getByRole("alertdialog")
      await dialog.getByText(pattern(raw(ctx, "tiers.delete.title", ["name"]), { name: shown })).waitFor()
      await shot(ctx, "tier-delete-prompt")
      await dialog.getByRole("button", { name: tr("common.actions.delete"), exact: true }).click()
      const deleted = page
        .getByText(pattern(raw(ctx, "tiers.toast.deleted", ["n", "name"], 2), { name: shown }))
        .or(page.getByText(pattern(raw(ctx, "tiers.toast.deleted", ["n", "name"], 1), { name: shown })))
        .or(page.getByText(pattern(raw(ctx, "tiers.toast.deleted", ["n", "name"], 0), { name: shown })))
      await deleted.first().waitFor({ timeout: 30000 })
      await tierRow(page, shown).waitFor({ state: "detached", timeout: 30000 })
      log(`${name}: ${await deleted.first().innerText()}`)
    }
  } finally {
    try {
      await adminJson(page, "POST", "/admin/loyalty/settings", {
        tier_grace_days: settings.tier_grace_days,
      })
      await restoreTier(page, sara, saraBefore)
      await deleteCheckTiers(page)
    } catch (error) {
      log(
        `(cleanup after the tiers check failed: ${error.message.split("\n")[0]}; run again to clean up)`
      )
    }
  }
}

/** Puts a customer's pin back as it was before a check. */
async function restoreTier(page, customer, before) {
  const { customer_tier: now } = await adminJson(
    page,
    "GET",
    `/admin/loyalty/customers/${customer.id}/tier`
  )
  if (before.pinned && (!now.pinned || now.tier?.id !== before.tier?.id)) {
    await adminJson(page, "POST", `/admin/loyalty/customers/${customer.id}/tier`, {
      pinned: true,
      tier_id: before.tier.id,
      note: before.pin_note,
    })
  } else if (!before.pinned && now.pinned) {
    await adminJson(page, "POST", `/admin/loyalty/customers/${customer.id}/tier`, {
      pinned: false,
    })
  }
}

module.exports = {
  adminName,
  checkTiers,
  date,
  grouped,
  irr,
  number,
  plural,
  restoreTier,
  pattern,
  plain,
  raw,
  say,
  shot,
  shownAmount,
  spendAbove,
  squash,
  typed,
}
