#!/usr/bin/env node
// Editing one field of a cashback rule in the admin leaves every other field
// as it was, in the admin's language (ctx.lang). A rule with every field set
// (currency, amounts, hold, scope with lists of every kind, groups,
// channels, tiers, 0 earlier orders, tier switches, dates at a time of day,
// a multiplier, stack, metadata) is created through the API; the Cashback
// rules page is loaded afresh and the rule opened at once (the pickers'
// names still loading); the form must show every field as stored (amounts
// in the shop's unit, dates in the admin's calendar, picked records by
// name); its description is edited and saved, and the rule read through
// the API again must differ only in its description. Then once more with
// the store's records answering late, and once saved with no change at all.
//
// Runs on its own against a running store:
//   node scripts/check-admin/rule-edit.js [http://localhost:9000]
// and as the "rule edit" step of `npm run check:admin`.
const { adminApi, BASE, defaultSay, differences, runAlone } = require("./lib")
const { localDigits, openRules, ruleRow, shot, squash } = require("./cashback-rules")

const PREFIX = "Check edit"

/** Fields that may change on save: the edited one and the timestamps. */
const CHANGING = new Set(["description", "updated_at", "usage"])

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (scripts/check-admin/lib.js createContext)
 */
async function checkRuleEdit(page, ctx) {
  const say = ctx.say ?? defaultSay
  const base = ctx.base ?? BASE
  const api = adminApi(page, base)
  const { settings } = await api("GET", "/admin/loyalty/settings")

  await deleteLeftovers(api)
  // What the check made besides rules, deleted at the end.
  const made = []
  const failures = []
  try {
    const stamp = new Date().toISOString().slice(0, 19).replace(/\D/g, "")
    const cases = [
      {
        // A percentage on IRR orders only, nothing else set.
        body: {
          name: `${PREFIX} ${stamp} ${ctx.lang}: 2% on washing machines`,
          currency_code: "irr",
          type: "percent",
          value: "2",
        },
        rounds: [
          // The first open after a page load: the store's records not there yet.
          { label: "2% rule, first open", description: "Only IRR orders" },
        ],
      },
      {
        body: await fullRuleBody(api, `${PREFIX} ${stamp} ${ctx.lang}: every field set`, made),
        rounds: [
          { label: "full rule, first open", description: "Right after a load" },
          // The store's records answer a second and a half after the form opens.
          {
            label: "full rule, records late",
            description: "While the records were loading",
            delay: 1500,
          },
          // Saved without touching anything.
          { label: "full rule, no change", description: null },
        ],
      },
    ]
    for (const { body, rounds } of cases) {
      const { cashback_rule: created } = await api("POST", "/admin/loyalty/cashback-rules", body)
      try {
        for (const round of rounds) {
          const problems = await editRound(page, ctx, api, {
            base,
            id: created.id,
            round,
            display: settings.money_display,
          })
          if (problems.length) {
            failures.push(`${round.label}:\n    ${problems.join("\n    ")}`)
            break // the rule is no longer as created
          }
          say(
            `rule edit (${round.label}): the form showed it as stored; ${round.description ? "description saved" : "saved as it was"}, every other field unchanged`
          )
        }
      } finally {
        await api("DELETE", `/admin/loyalty/cashback-rules/${created.id}`).catch(() => {})
      }
    }
  } finally {
    for (const url of made) {
      await api("DELETE", url).catch(() => {})
    }
  }
  if (failures.length) {
    throw new Error(`rule edit:\n  ${failures.join("\n  ")}`)
  }
}

/** One open, edit and save; what the form showed wrong or the save changed. */
async function editRound(page, ctx, api, { base, id, round, display }) {
  const url = `/admin/loyalty/cashback-rules/${id}`
  const before = (await api("GET", url)).cashback_rule
  const problems = await editInForm(page, ctx, { base, rule: before, round, display })
  const after = (await api("GET", url)).cashback_rule
  const expected = round.description ?? before.description
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
  const { cashback_rules } = await api("GET", "/admin/loyalty/cashback-rules?limit=200")
  for (const rule of cashback_rules.filter((r) => r.name.startsWith(PREFIX))) {
    await api("DELETE", `/admin/loyalty/cashback-rules/${rule.id}`)
  }
}

/**
 * Every field away from its default, with real ids from the store (the API
 * refuses unknown ones): two of each where the store has them.
 */
async function fullRuleBody(api, name, made) {
  const some = async (url, key) =>
    ((await api("GET", url))[key] ?? []).map((x) => x.id).slice(0, 2)
  // The demo has no collections, types, tags or groups: make one of each
  // (deleted when done) so every picker holds values.
  const make = async (url, key, body) => {
    const { [key]: created } = await api("POST", url, body)
    made.push(`${url}/${created.id}`)
    return [created.id]
  }
  const tag = `${PREFIX.toLowerCase().replace(" ", "-")}-${Date.now()}`
  const [products, categories, channels, tiers, collections, types, tags] = await Promise.all([
    some("/admin/products?limit=2&fields=id", "products"),
    some("/admin/product-categories?limit=2&fields=id", "product_categories"),
    some("/admin/sales-channels?limit=2&fields=id", "sales_channels"),
    some("/admin/loyalty/tiers", "tiers"),
    make("/admin/collections", "collection", { title: `${PREFIX} washers` }),
    make("/admin/product-types", "product_type", { value: tag }),
    make("/admin/product-tags", "product_tag", { value: tag }),
  ])
  const groups = await make("/admin/customer-groups", "customer_group", {
    name: `${PREFIX} ${tag}`,
  })
  for (const [what, ids] of Object.entries({ products, tiers, channels })) {
    if (!ids.length) {
      throw new Error(`The store has no ${what}: seed the demo data first`)
    }
  }
  return {
    name,
    names: { fa: "هفتهٔ ماشین لباسشویی", en: "Washing machines week" },
    description: "Washing machines week",
    is_active: false,
    priority: 7,
    combination: "stack",
    currency_code: "irr",
    type: "percent",
    value: "2.25",
    min_subtotal: "1500000",
    max_amount: "250000",
    expires_after_days: 90,
    release: "hold",
    hold_days: 14,
    scope: {
      product_ids: products.slice(0, 1),
      exclude_product_ids: products.slice(1),
      category_ids: categories,
      collection_ids: collections,
      exclude_type_ids: types,
      exclude_tag_ids: tags,
    },
    customer_group_ids: groups,
    // 0 is a value of its own: not "empty".
    min_previous_orders: 0,
    tier_ids: tiers,
    use_tier_rate: true,
    use_tier_multiplier: true,
    sales_channel_ids: channels,
    // A time of day that is midnight in no time zone: a form that keeps only
    // the day would move it.
    starts_at: "2027-03-20T12:34:56.000Z",
    ends_at: "2027-04-02T08:15:00.000Z",
    multiplier: {
      value: "1.5",
      starts_at: "2027-03-21T09:30:00.000Z",
      ends_at: "2027-03-25T17:45:00.000Z",
    },
    metadata: { source: "check-admin rule-edit" },
  }
}

// What the form reads besides the rules: the pickers' names and options.
const RECORD_URLS =
  /\/admin\/(products|product-categories|collections|product-types|product-tags|customer-groups|sales-channels|stores|loyalty\/tiers)(\?|$)/

/** Opens the rule, edits its description, saves: what looked wrong. */
async function editInForm(page, ctx, { base, rule, round, display }) {
  const problems = new Set()
  const delay = async (route) => {
    await new Promise((r) => setTimeout(r, round.delay))
    await route.continue()
  }
  if (round.delay) {
    await page.route(RECORD_URLS, delay)
  }
  try {
    // A fresh page load, then the rule opened as soon as it is listed.
    await openRules(page, base)
    const open = ruleRow(page, rule.name).getByTestId("cashback-rule-name")
    await open.waitFor({ timeout: 60000 })
    await open.click()
    const form = page.getByTestId("rule-form")
    await form.waitFor()
    await page.locator("#rule-name").waitFor({ timeout: 30000 })
    // What a shop owner sees at once: the rule as it is, records loaded or not.
    for (const p of await formShows(page, ctx, rule, display, { names: false })) problems.add(p)
    if (round.description !== null) {
      await page.fill("#rule-description", round.description)
    }
    // Let late records arrive before saving; then every picked one shows by name.
    await page.waitForTimeout((round.delay ?? 0) + 1500)
    const edited = { ...rule, description: round.description ?? rule.description }
    for (const p of await formShows(page, ctx, edited, display, { names: true })) problems.add(p)
    const name = `cashback-rule-edit-${round.label.replace(/\W+/g, "-")}`
    await shot(page, ctx, name, { fullPage: false })
    await page.getByTestId("rule-scope").scrollIntoViewIfNeeded()
    await shot(page, ctx, `${name}-lists`, { fullPage: false })
    await page.getByTestId("rule-form-submit").click()
    const closed = await form
      .waitFor({ state: "detached", timeout: 30000 })
      .then(() => true)
      .catch(() => false)
    if (!closed) {
      const errors = await page.locator('[data-testid="rule-form"] [role="alert"]').allInnerTexts()
      problems.add(`the form did not save: ${errors.length ? errors.join("; ") : "no error shown"}`)
      await page.keyboard.press("Escape")
    }
  } finally {
    if (round.delay) {
      await page.unroute(RECORD_URLS, delay)
    }
  }
  return [...problems]
}

/** An API amount as the money field shows it: in the shop's unit, grouped. */
function moneyText(amount, currency, display) {
  if (amount == null) return ""
  let text = String(amount)
  if (currency === "irr" && display === "toman") {
    const [whole, fraction = ""] = text.split(".")
    const digits = (whole + fraction).padStart(2, "0")
    const point = whole.length - 1
    text = `${digits.slice(0, point) || "0"}.${digits.slice(point)}`
      .replace(/^0+(?=\d)/, "")
      .replace(/\.?0+$/, "")
  }
  const [whole, fraction] = text.split(".")
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return fraction ? `${grouped}.${fraction}` : grouped
}

/** Each field of the open form against the rule: what looks different. */
async function formShows(page, ctx, rule, display, { names }) {
  const { tr } = ctx
  const problems = []
  const text = (n) => (n == null ? "" : String(n))
  const see = (what, actual, expected) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`the form shows ${what} ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`)
    }
  }
  const input = async (id, expected) => see(id, await page.inputValue(id), expected)
  // Number and money inputs show the admin's digits.
  const number = async (id, expected) => input(id, localDigits(ctx.lang, expected))
  const checked = async (id, expected) =>
    see(id, (await page.getAttribute(id, "aria-checked")) === "true", expected)
  const radio = async (id, expected) =>
    see(
      id,
      await page.locator(`${id} [role="radio"][aria-checked="true"]`).getAttribute("value"),
      expected
    )
  const shown = async (id) => squash(await page.locator(id).innerText())
  const currency = rule.currency_code

  await input("#rule-name", rule.name)
  await input("#rule-name-fa", rule.names?.fa ?? "")
  await input("#rule-name-en", rule.names?.en ?? "")
  await input("#rule-description", text(rule.description))
  await checked("#rule-active", rule.is_active)
  await number("#rule-priority", text(rule.priority))
  await radio("#rule-combination", rule.combination)
  see(
    "#rule-type",
    await shown("#rule-type"),
    tr(rule.type === "fixed" ? "rules.form.type.fixed" : "rules.form.type.percent")
  )
  see(
    "#rule-currency",
    await shown("#rule-currency"),
    currency ? currency.toUpperCase() : tr("rules.form.currency.any")
  )
  await number(
    "#rule-value",
    rule.type === "fixed" ? moneyText(rule.value, currency, display) : text(rule.value)
  )
  await number("#rule-min-subtotal", moneyText(rule.min_subtotal, currency, display))
  await number("#rule-max-amount", moneyText(rule.max_amount, currency, display))
  await checked("#rule-use-tier-rate", rule.use_tier_rate)
  await checked("#rule-use-tier-multiplier", rule.use_tier_multiplier)
  await radio("#rule-release", rule.release)
  await number("#rule-expires", text(rule.expires_after_days))
  if (rule.release === "hold") {
    await number("#rule-hold-days", text(rule.hold_days))
  }
  await date(page, ctx, "#rule-starts", rule.starts_at, see)
  await date(page, ctx, "#rule-ends", rule.ends_at, see)
  await checked("#rule-multiplier", !!rule.multiplier)
  if (rule.multiplier) {
    await number("#rule-multiplier-value", text(rule.multiplier.value))
    await date(page, ctx, "#rule-multiplier-starts", rule.multiplier.starts_at, see)
    await date(page, ctx, "#rule-multiplier-ends", rule.multiplier.ends_at, see)
  }
  const scope = rule.scope ?? {}
  const pickers = [
    ["rule-products", scope.product_ids, "rules.form.scope.allProducts"],
    ["rule-exclude-products", scope.exclude_product_ids, "rules.form.scope.none"],
    ["rule-categories", scope.category_ids, "rules.form.scope.allCategories"],
    ["rule-exclude-categories", scope.exclude_category_ids, "rules.form.scope.none"],
    ["rule-collections", scope.collection_ids, "rules.form.scope.allCollections"],
    ["rule-exclude-collections", scope.exclude_collection_ids, "rules.form.scope.none"],
    ["rule-types", scope.type_ids, "rules.form.scope.allTypes"],
    ["rule-exclude-types", scope.exclude_type_ids, "rules.form.scope.none"],
    ["rule-tags", scope.tag_ids, "rules.form.scope.allTags"],
    ["rule-exclude-tags", scope.exclude_tag_ids, "rules.form.scope.none"],
    ["rule-groups", rule.customer_group_ids, "rules.form.who.everyCustomer"],
    ["rule-channels", rule.sales_channel_ids, "rules.form.who.everyChannel"],
    ["rule-tiers", rule.tier_ids, "rules.form.who.everyTier"],
  ]
  for (const [id, ids, placeholder] of pickers) {
    await picked(page, ctx, id, ids ?? [], placeholder, names, see)
  }
  await number("#rule-min-orders", text(rule.min_previous_orders))
  return problems
}

/**
 * A picker: its placeholder when empty; else one chip per record, by name
 * once the names have loaded (never the record's id).
 */
async function picked(page, ctx, id, ids, placeholder, names, see) {
  const field = page.locator(`[data-field="${id}"]`)
  if (!ids.length) {
    see(`#${id}`, squash(await page.locator(`#${id}`).innerText()), ctx.tr(placeholder))
    return
  }
  const chips = (await field.locator("span.truncate").allInnerTexts()).map(squash)
  see(`#${id}'s chips`, chips.length, ids.length)
  if (names) {
    const raw = chips.filter((chip) => ids.includes(chip))
    see(`#${id}'s chips shown as ids`, raw, [])
  }
}

/**
 * A date field shows the stored instant's day, in the admin's calendar
 * (Jalali in Persian) and the browser's time zone; empty when none.
 */
async function date(page, ctx, id, iso, see) {
  const shownParts = await page
    .locator(`${id} [role="spinbutton"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-valuenow")))
  if (!iso) {
    see(`${id} (empty)`, shownParts.filter(Boolean), [])
    return
  }
  const expected = await page.evaluate(
    ({ iso, calendar }) =>
      new Intl.DateTimeFormat("en-US-u-nu-latn", {
        calendar,
        year: "numeric",
        month: "numeric",
        day: "numeric",
      })
        .formatToParts(new Date(iso))
        .filter((p) => ["year", "month", "day"].includes(p.type))
        .map((p) => String(Number(p.value)))
        .sort(),
    { iso, calendar: ctx.lang === "fa" ? "persian" : "gregory" }
  )
  see(id, shownParts.map((n) => String(Number(n))).sort(), expected)
}

module.exports = { checkRuleEdit }

if (require.main === module) {
  runAlone(checkRuleEdit, "rule edit")
}
