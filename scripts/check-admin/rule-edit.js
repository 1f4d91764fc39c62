#!/usr/bin/env node
// Editing one field of a cashback rule in the admin leaves every other field
// as it was. A rule with every field set (currency, amounts, hold, scope with
// lists, groups, channels, tiers, 0 earlier orders,
// tier switches, dates at a time of day, a multiplier, stack, metadata) is
// created through the API; the Cashback rules page is loaded afresh and the
// rule opened at once (the pickers' options still loading), its description
// edited and saved; the rule read through the API again must differ only in
// its description. Then once more with the options answering late, and once
// saved with no change at all.
//
// Runs on its own against a running store:
//   node scripts/check-admin/rule-edit.js [http://localhost:9000]
// and as the "rule edit" step of `npm run check:admin`.
const path = require("path")
const { adminApi, defaultSay, differences, runAlone } = require("./lib")

const PREFIX = "Check edit"

/** Fields that may change on save: the edited one and the timestamps. */
const CHANGING = new Set(["description", "updated_at", "usage"])

/**
 * @param page a logged-in Playwright page
 * @param base the store's URL
 * @param out the screenshots folder
 * @param say prints one line
 */
async function checkRuleEdit(page, { base, out, say = defaultSay }) {
  const api = adminApi(page, base)

  await deleteLeftovers(api)
  // What the check made besides rules, deleted at the end.
  const made = []
  const failures = []
  try {
    const stamp = new Date().toISOString().slice(0, 19)
    const cases = [
      {
        // The rule: a percentage on IRR orders only, nothing else set.
        body: {
          name: `${PREFIX} ${stamp}: 2% on washing machines`,
          currency_code: "irr",
          type: "percent",
          value: "2",
        },
        rounds: [
          // The first open after a page load: the pickers' options not there yet.
          { label: "2% rule, first open", description: "Only IRR orders" },
        ],
      },
      {
        body: await fullRuleBody(
          api,
          `${PREFIX} ${stamp}: every field set`,
          made
        ),
        rounds: [
          { label: "full rule, first open", description: "Right after a load" },
          // Options that answer a second and a half after the form opens.
          {
            label: "full rule, options late",
            description: "While the options were loading",
            delayOptions: 1500,
          },
          // Saved without touching anything.
          { label: "full rule, no change", description: null },
        ],
      },
    ]
    for (const { body, rounds } of cases) {
      const { cashback_rule: created } = await api(
        "POST",
        "/admin/loyalty/cashback-rules",
        body
      )
      try {
        for (const round of rounds) {
          const problems = await editRound(page, api, {
            base,
            out,
            id: created.id,
            round,
          })
          if (problems.length) {
            failures.push(`${round.label}:\n    ${problems.join("\n    ")}`)
            break // the rule is no longer as created
          }
          say(
            `rule edit (${round.label}): ${round.description ? "description saved" : "saved as it was"}, every other field unchanged`
          )
        }
      } finally {
        await api(
          "DELETE",
          `/admin/loyalty/cashback-rules/${created.id}`
        ).catch(() => {})
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
async function editRound(page, api, { base, out, id, round }) {
  const url = `/admin/loyalty/cashback-rules/${id}`
  const before = (await api("GET", url)).cashback_rule
  const problems = await editInForm(page, { base, out, rule: before, round })
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
  const { cashback_rules } = await api(
    "GET",
    "/admin/loyalty/cashback-rules?limit=100"
  )
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
  // (deleted when done) so the id inputs and the group picker hold values.
  const make = async (url, key, body) => {
    const { [key]: created } = await api("POST", url, body)
    made.push(`${url}/${created.id}`)
    return [created.id]
  }
  const tag = `${PREFIX.toLowerCase().replace(" ", "-")}-${Date.now()}`
  const [products, categories, channels, tiers, collections, types, tags] =
    await Promise.all([
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

const OPTION_URLS =
  /\/admin\/(products|product-categories|customer-groups|sales-channels|stores|loyalty\/tiers)(\?|$)/

/** Opens the rule, edits its description, saves: what looked wrong. */
async function editInForm(page, { base, out, rule, round }) {
  const problems = new Set()
  const slow = round.delayOptions
  const delay = async (route) => {
    await new Promise((r) => setTimeout(r, slow))
    await route.continue()
  }
  if (slow) {
    await page.route(OPTION_URLS, delay)
  }
  try {
    // A fresh page load, then the rule opened as soon as it is listed.
    await page.goto(`${base}/app/loyalty/cashback-rules`)
    const open = page.getByRole("button", { name: rule.name, exact: true })
    await open.waitFor({ timeout: 60000 })
    await open.click()
    const form = page.getByTestId("rule-form")
    await form.waitFor()
    // What a shop owner sees: the rule as it is, options loaded or not.
    for (const p of await formShows(page, rule)) problems.add(p)
    if (round.description !== null) {
      await page.fill("#rule-description", round.description)
    }
    // Let late options arrive before saving; then the form still shows it.
    await page.waitForTimeout((slow ?? 0) + 1000)
    const edited = {
      ...rule,
      description: round.description ?? rule.description,
    }
    for (const p of await formShows(page, edited)) problems.add(p)
    const shot = `cashback-rule-edit-${round.label.replace(/\W+/g, "-")}.png`
    await page.screenshot({ path: path.join(out, shot) })
    await form.getByText("Who earns").scrollIntoViewIfNeeded()
    await page.screenshot({
      path: path.join(out, shot.replace(".png", "-lists.png")),
    })
    await page.getByTestId("rule-form-submit").click()
    const closed = await form
      .waitFor({ state: "detached", timeout: 30000 })
      .then(() => true)
      .catch(() => false)
    if (!closed) {
      const error = page.getByTestId("rule-form-error")
      problems.add(
        `the form did not save: ${(await error.isVisible()) ? await error.innerText() : "no error shown"}`
      )
      await page.getByRole("button", { name: "Cancel" }).click()
    }
  } finally {
    if (slow) {
      await page.unroute(OPTION_URLS, delay)
    }
  }
  return [...problems]
}

/** Each field of the open form against the rule: what looks different. */
async function formShows(page, rule) {
  const problems = []
  const text = (n) => (n == null ? "" : String(n))
  // The day the admin's browser calls it.
  const day = (iso) =>
    iso
      ? page.evaluate((iso) => {
          const d = new Date(iso)
          const pad = (n) => String(n).padStart(2, "0")
          return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
        }, iso)
      : ""
  const see = (what, actual, expected) => {
    if (actual !== expected) {
      problems.push(`the form shows ${what} "${actual}", not "${expected}"`)
    }
  }
  const input = async (id, expected) =>
    see(id, await page.inputValue(id), expected)
  const checked = async (id, expected) =>
    see(id, (await page.getAttribute(id, "aria-checked")) === "true", expected)
  const radio = async (id, expected) =>
    see(
      id,
      await page
        .locator(`${id} [role="radio"][aria-checked="true"]`)
        .getAttribute("value"),
      expected
    )
  const shown = async (id) => (await page.locator(id).innerText()).trim()
  // A multi-select shows "2 selected" and one chip per id.
  const picked = async (id, ids, placeholder) =>
    see(
      id,
      await shown(id),
      ids?.length ? `${ids.length} selected` : placeholder
    )
  const scope = rule.scope ?? {}

  await input("#rule-name", rule.name)
  await input("#rule-description", text(rule.description))
  await checked("#rule-active", rule.is_active)
  await input("#rule-priority", text(rule.priority))
  await radio("#rule-combination", rule.combination)
  see(
    "#rule-type",
    await shown("#rule-type"),
    rule.type === "fixed" ? "Fixed amount" : "Percent of the items"
  )
  see(
    "#rule-currency",
    await shown("#rule-currency"),
    rule.currency_code ? rule.currency_code.toUpperCase() : "Any currency"
  )
  await input("#rule-value", text(rule.value))
  await input("#rule-min-subtotal", text(rule.min_subtotal))
  await input("#rule-max-amount", text(rule.max_amount))
  await checked("#rule-use-tier-rate", rule.use_tier_rate)
  await checked("#rule-use-tier-multiplier", rule.use_tier_multiplier)
  await radio("#rule-release", rule.release)
  await input("#rule-expires", text(rule.expires_after_days))
  if (rule.release === "hold") {
    await input("#rule-hold-days", text(rule.hold_days))
  }
  await input("#rule-starts", await day(rule.starts_at))
  await input("#rule-ends", await day(rule.ends_at))
  await checked("#rule-multiplier", !!rule.multiplier)
  if (rule.multiplier) {
    await input("#rule-multiplier-value", text(rule.multiplier.value))
    await input("#rule-multiplier-starts", await day(rule.multiplier.starts_at))
    await input("#rule-multiplier-ends", await day(rule.multiplier.ends_at))
  }
  await picked("#rule-products", scope.product_ids, "All products")
  await picked("#rule-exclude-products", scope.exclude_product_ids, "None")
  await picked("#rule-categories", scope.category_ids, "All categories")
  await picked("#rule-exclude-categories", scope.exclude_category_ids, "None")
  for (const field of [
    "collection_ids",
    "exclude_collection_ids",
    "type_ids",
    "exclude_type_ids",
    "tag_ids",
    "exclude_tag_ids",
  ]) {
    await input(`#rule-${field}`, (scope[field] ?? []).join(", "))
  }
  await picked("#rule-groups", rule.customer_group_ids, "Every customer")
  await picked("#rule-channels", rule.sales_channel_ids, "Every channel")
  await picked("#rule-tiers", rule.tier_ids, "Every customer")
  await input("#rule-min-orders", text(rule.min_previous_orders))
  return problems
}

module.exports = { checkRuleEdit }

if (require.main === module) {
  runAlone(checkRuleEdit)
}
