#!/usr/bin/env node
// Looks at the admin as a shop owner would, in Debian's headless Chromium:
// logs in to a running demo store (`npm run dev`), opens Sara's customer page,
// checks the wallet widget, credits her through the form; then the Cashback
// rules page (a refused rule, a created, duplicated, disabled and deleted
// one, the clawback setting; a rule with every field set edited in one
// field and saved, the rest unchanged: check-admin/rule-edit.js), the
// Loyalty tiers page (a tier with every field set edited in one field and
// saved, the rest unchanged: check-admin/tier-edit.js; a refused tier, two
// created and one edited, a rule limited to one of them, Evaluate now, the
// grace period), Sara's tier widget (pinned and unpinned) and the cashback
// widget of an order, the Loyalty messages page (a refused, a saved and a
// reset wording, the SMS settings) and Sara's message log; one setting
// saved on each settings panel, the others kept (check-admin/
// settings-edit.js); then the Till keys page (a key created, shown once,
// used and revoked), Register purchase (a refused phone, a new member,
// Sara) and Sara's club card; the till and kiosk settings each changed on
// the Till keys page, kept after a reload, a refused value shown at its
// field, and put back (check-admin/till-settings.js). Saves
// screenshots (to $TMPDIR/loyalty-club-screenshots). Usage: npm run check:admin [-- http://localhost:9000]
const fs = require("fs")
const path = require("path")
const { chromium } = require("playwright-core")
const {
  DEMO_ADMIN,
  DEMO_CUSTOMERS,
  DEMO_MARKER_REGION,
} = require("../demo/constants")
const { checkRuleEdit } = require("./check-admin/rule-edit")
const { checkSettingsEdit } = require("./check-admin/settings-edit")
const { checkTierEdit } = require("./check-admin/tier-edit")
const { checkTillSettings } = require("./check-admin/till-settings")

const BASE = process.argv[2] || "http://localhost:9000"
// Runs only the named checks, e.g. CHECK_ADMIN_ONLY=messages,tiers.
const ONLY = (process.env.CHECK_ADMIN_ONLY || "").split(",").filter(Boolean)
// Outside the project: `medusa develop` restarts on any file written inside it.
const OUT =
  process.env.SCREENSHOTS_DIR ||
  path.join(require("os").tmpdir(), "loyalty-club-screenshots")

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1400 },
  })
  try {
    // The dev admin is served by Vite: its first load compiles, so be patient.
    page.setDefaultNavigationTimeout(180000)
    await login(page)
    await step(page, "customer wallet", () => checkWallet(page))
    // Read once: a retried check must restore these, not its first try's change.
    const { settings } = await step(page, "settings", () =>
      adminJson(page, "GET", "/admin/loyalty/settings")
    )
    await step(page, "cashback rules", () => checkCashbackRules(page, settings))
    await step(page, "rule edit", () =>
      checkRuleEdit(page, { base: BASE, out: OUT, say })
    )
    await step(page, "tier edit", () =>
      checkTierEdit(page, { base: BASE, out: OUT, say })
    )
    await step(page, "tiers", () => checkTiers(page, settings))
    await step(page, "order cashback", () => checkOrderCashback(page))
    await step(page, "messages", () => checkMessages(page, settings))
    await step(page, "settings edit", () =>
      checkSettingsEdit(page, { base: BASE, out: OUT, say })
    )
    await step(page, "pos", () => checkPos(page))
    await step(page, "till settings", () =>
      checkTillSettings(page, { base: BASE, out: OUT, say })
    )
    say(`screenshots: ${OUT}`)
  } finally {
    await browser.close()
  }
}

/**
 * Logs in through the form. A page loaded while `medusa develop` restarts
 * stays blank, and a login sent then fails: so load it again, a few times.
 */
async function login(page) {
  const email = page.locator('input[name="email"]')
  for (let attempt = 1; ; attempt++) {
    try {
      await waitForServer()
      await page.goto(`${BASE}/app/login`, { waitUntil: "domcontentloaded" })
      // The first load compiles the admin (Vite): be patient.
      await email
        .or(page.getByRole("link", { name: "Orders" }))
        .first()
        .waitFor({ timeout: 120000 })
      if (!(await email.isVisible())) {
        return // still logged in
      }
      await email.fill(DEMO_ADMIN.email)
      await page.fill('input[name="password"]', DEMO_ADMIN.password)
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/app\/orders/, { timeout: 60000 })
      return
    } catch (error) {
      if (attempt >= 4) throw error
      say(`(login: trying again after: ${error.message.split("\n")[0]})`)
    }
  }
}

/**
 * Runs one check; if `medusa develop` restarted meanwhile (someone saved a
 * file: the server goes down and its in-memory sessions with it), waits for
 * it, logs in again and runs the check once more.
 */
async function step(page, name, check) {
  if (ONLY.length && name !== "settings" && !ONLY.includes(name)) {
    return say(`(${name}: skipped, CHECK_ADMIN_ONLY=${ONLY.join(",")})`)
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await check()
    } catch (error) {
      if (attempt >= 3 || !(await serverRestarted(page))) {
        throw error
      }
      say(
        `(${name}: the dev server restarted, retrying after: ${error.message.split("\n")[0]})`
      )
      await login(page)
    }
  }
}

/** Waits until the server answers; true if it was down. */
async function waitForServer() {
  const until = Date.now() + 180000
  let down = false
  while (Date.now() < until) {
    try {
      const res = await fetch(`${BASE}/health`)
      if (res.ok) return down
    } catch {}
    down = true
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${BASE} did not come up: is \`npm run dev\` running?`)
}

async function serverRestarted(page) {
  const down = await waitForServer()
  const me = await page.request.get(`${BASE}/admin/users/me`).catch(() => null)
  return down || !me || me.status() === 401
}

async function checkWallet(page) {
  const res = await page.request.get(
    `${BASE}/admin/customers?email=${encodeURIComponent(DEMO_CUSTOMERS[0].email)}`
  )
  const { customers } = await res.json()
  await page.goto(`${BASE}/app/customers/${customers[0].id}`)
  await page.getByText("Loyalty wallet").waitFor({ timeout: 60000 })
  await page.getByTestId("wallet-balance").waitFor()
  const before = await page.getByTestId("wallet-balance").innerText()
  await page.screenshot({
    path: path.join(OUT, "customer-wallet.png"),
    fullPage: true,
  })

  // A debit without a note is refused by the form itself.
  await page.fill("#wallet-amount", "100000")
  await page.getByRole("button", { name: "Credit wallet" }).click()
  await page.getByTestId("wallet-error").waitFor()
  const noteError = await page.getByTestId("wallet-error").innerText()

  // A note of its own, so a second run does not find the first run's row.
  const note = `Goodwill: late delivery (${new Date().toISOString().slice(11, 19)})`
  await page.fill("#wallet-note", note)
  await page.getByRole("button", { name: "Credit wallet" }).click()
  await page
    .locator("td", { hasText: note })
    .first()
    .waitFor({ timeout: 30000 })
  const after = await page.getByTestId("wallet-balance").innerText()
  await page.screenshot({
    path: path.join(OUT, "customer-wallet-credited.png"),
    fullPage: true,
  })

  process.stdout.write(
    `balance before: ${before.replace(/\s+/g, " ")}\n` +
      `note check: ${noteError}\n` +
      `balance after: ${after.replace(/\s+/g, " ")}\n`
  )
  if (before === after) {
    throw new Error("The balance did not change after the credit")
  }
}

const say = (line) => process.stdout.write(`${line}\n`)

function expect(condition, message) {
  if (!condition) {
    throw new Error(message)
  }
}

async function adminJson(page, method, url, body) {
  const res = await page.request.fetch(`${BASE}${url}`, {
    method,
    data: body,
    headers: body ? { "content-type": "application/json" } : undefined,
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok()) {
    throw new Error(
      `${method} ${url} answered ${res.status()}: ${json.message}`
    )
  }
  return json
}

const ruleRow = (page, name) =>
  page.getByTestId("cashback-rule-row").filter({
    has: page.getByRole("button", { name, exact: true }),
  })

async function ruleAction(page, name, action) {
  await page
    .getByRole("button", { name: `Actions for ${name}`, exact: true })
    .click()
  await page.getByRole("menuitem", { name: action, exact: true }).click()
}

// Rules the check creates carry this prefix; it deletes them (and any left
// by an interrupted run) when done.
const CHECK_RULE = "Check rule"

async function checkCashbackRules(page, settings) {
  const name = `${CHECK_RULE} ${new Date().toISOString().slice(0, 19)}`
  try {
    await page.goto(`${BASE}/app/loyalty/cashback-rules`)
    await page.getByTestId("cashback-rules-table").waitFor({ timeout: 60000 })
    // The sidebar links to the page.
    await page.getByRole("link", { name: "Cashback rules" }).first().waitFor()
    const rows = await page.getByTestId("cashback-rule-row").count()
    await page.screenshot({
      path: path.join(OUT, "cashback-rules.png"),
      fullPage: true,
    })
    say(`cashback rules listed: ${rows}`)

    // Edit shows a rule as saved: the demo's Nowruz rule has a category and a multiplier.
    const nowruz = page.getByRole("button", { name: /Nowruz/ })
    if (await nowruz.count()) {
      await nowruz.first().click()
      await page.getByTestId("rule-form").waitFor()
      await page.getByText("Coffee").first().waitFor({ timeout: 30000 })
      await page
        .getByTestId("rule-form")
        .getByText("What earns")
        .scrollIntoViewIfNeeded()
      await page.screenshot({ path: path.join(OUT, "cashback-rule-edit.png") })
      await page.getByRole("button", { name: "Cancel" }).click()
      await page.getByTestId("rule-form").waitFor({ state: "detached" })
    }

    // 150% is refused by the API; the form shows why and stays open.
    await page.getByRole("button", { name: "Create rule" }).click()
    await page.getByTestId("rule-form").waitFor()
    await page.fill("#rule-name", name)
    await page.fill("#rule-value", "150")
    await page.getByTestId("rule-form-submit").click()
    const formError = page.getByTestId("rule-form-error")
    await formError.waitFor({ timeout: 30000 })
    const refused = await formError.innerText()
    say(`percent 150 refused: ${refused}`)
    expect(
      /\bvalue\b/.test(refused),
      `The form error does not name value: ${refused}`
    )
    expect(
      await page.getByTestId("rule-form").isVisible(),
      "The form closed after a 400"
    )
    await page.screenshot({
      path: path.join(OUT, "cashback-rule-form-error.png"),
    })

    // A valid rule, limited to the coffee category so it pays no one by surprise.
    await page.fill("#rule-value", "2.5")
    expect(
      !(await formError.isVisible()),
      "The value error stayed after the value was fixed"
    )
    await page.fill("#rule-max-amount", "")
    await page.click("#rule-categories")
    await page.getByRole("option", { name: "Coffee" }).click()
    await page.waitForTimeout(300) // the checkbox animates
    await page.screenshot({
      path: path.join(OUT, "cashback-rule-form-categories.png"),
    })
    await page.keyboard.press("Escape")
    await page.fill("#rule-expires", "30")
    await page
      .getByTestId("rule-form")
      .getByText("Hold", { exact: true })
      .click()
    await page.fill("#rule-hold-days", "14")
    await page.locator("#rule-collection_ids").scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(OUT, "cashback-rule-form.png") })
    await page.getByTestId("rule-form-submit").click()
    await page
      .getByTestId("rule-form")
      .waitFor({ state: "detached", timeout: 30000 })
    await ruleRow(page, name).waitFor({ timeout: 30000 })
    const created = (await ruleRow(page, name).innerText()).replace(/\s+/g, " ")
    say(`created: ${created}`)
    expect(
      /2\.5%/.test(created) && /Hold 14 days/.test(created),
      `Unexpected row: ${created}`
    )

    // Edit it: a x2 multiplier from today shows in the list.
    await ruleAction(page, name, "Edit")
    await page.getByTestId("rule-form").waitFor()
    await page.click("#rule-multiplier")
    await page.fill("#rule-multiplier-value", "2")
    await page.getByTestId("rule-form-submit").click()
    await page
      .getByTestId("rule-form")
      .waitFor({ state: "detached", timeout: 30000 })
    await ruleRow(page, name).getByText(/^x2 /).waitFor({ timeout: 30000 })
    say(
      `edited: ${(await ruleRow(page, name).getByText(/^x2 /).innerText()).trim()}`
    )

    await ruleAction(page, name, "Duplicate")
    await ruleRow(page, `${name} (copy)`).waitFor({ timeout: 30000 })
    const copy = (await ruleRow(page, `${name} (copy)`).innerText()).replace(
      /\s+/g,
      " "
    )
    say(`duplicated: ${copy}`)
    expect(/Inactive/.test(copy), "The copy is not inactive")

    await ruleAction(page, name, "Disable")
    await ruleRow(page, name).getByText("Inactive").waitFor({ timeout: 30000 })
    say("disabled: the rule shows Inactive")
    await page.screenshot({
      path: path.join(OUT, "cashback-rules-after.png"),
      fullPage: true,
    })

    // Delete asks first.
    await ruleAction(page, `${name} (copy)`, "Delete")
    await page.getByRole("button", { name: "Delete", exact: true }).click()
    await ruleRow(page, `${name} (copy)`).waitFor({
      state: "detached",
      timeout: 30000,
    })
    say("deleted the copy after the confirm")

    // The clawback strategy survives a reload. Start from what the page
    // shows: an interrupted try may have left another one saved.
    const shown = page.locator(
      '[data-testid^="clawback-"][aria-checked="true"]'
    )
    await shown.waitFor({ timeout: 30000 })
    const current = (await shown.getAttribute("data-testid")).replace(
      "clawback-",
      ""
    )
    const next = current === "force_negative" ? "skip" : "force_negative"
    await page.getByTestId(`clawback-${next}`).click()
    await page.getByTestId("settings-save").click()
    await page.getByText("Loyalty settings saved").waitFor({ timeout: 30000 })
    await page.reload()
    await page.getByTestId(`clawback-${next}`).waitFor({ timeout: 60000 })
    const checked = await page
      .getByTestId(`clawback-${next}`)
      .getAttribute("aria-checked")
    expect(
      checked === "true",
      `The clawback strategy ${next} was not kept after a reload`
    )
    say(`clawback strategy ${current} -> ${next}: kept after reload`)
    await page
      .getByTestId("loyalty-settings")
      .screenshot({ path: path.join(OUT, "loyalty-settings.png") })
  } finally {
    // Leave the demo store as it was (best effort: a failure here must not
    // hide the check's own).
    try {
      await adminJson(page, "POST", "/admin/loyalty/settings", {
        clawback_strategy: settings.clawback_strategy,
        include_credit_paid: settings.include_credit_paid,
      })
      const { cashback_rules } = await adminJson(
        page,
        "GET",
        "/admin/loyalty/cashback-rules?limit=100"
      )
      for (const rule of cashback_rules.filter((r) =>
        r.name.startsWith(CHECK_RULE)
      )) {
        await adminJson(
          page,
          "DELETE",
          `/admin/loyalty/cashback-rules/${rule.id}`
        )
      }
    } catch (error) {
      say(
        `(cleanup after the rules check failed: ${error.message.split("\n")[0]}; run again to clean up)`
      )
    }
  }
}

// Tiers the check creates carry this prefix. They go above the shop's own
// tiers (a higher rank must ask for more), so it deletes any left by an
// interrupted run before it starts, and its own when done.
const CHECK_TIER = "Check tier"

const tierRow = (page, name) =>
  page.getByTestId("tier-row").filter({
    has: page.getByRole("button", { name, exact: true }),
  })

const tierAction = ruleAction

async function deleteCheckTiers(page) {
  const { tiers } = await adminJson(page, "GET", "/admin/loyalty/tiers")
  for (const tier of tiers.filter((t) => t.name.startsWith(CHECK_TIER))) {
    await adminJson(page, "DELETE", `/admin/loyalty/tiers/${tier.id}`)
  }
}

/** A round spend above every tier's: "10000000000" above IRR 1,000,000,000. */
function spendAbove(tiers) {
  const digits = Math.max(
    6,
    ...tiers
      .filter((t) => t.min_spend != null)
      .map((t) => t.min_spend.split(".")[0].length)
  )
  return `1${"0".repeat(digits + 1)}`
}

const grouped = (digits) => BigInt(digits).toLocaleString("en-US")

async function customerByEmail(page, email) {
  const { customers } = await adminJson(
    page,
    "GET",
    `/admin/customers?email=${encodeURIComponent(email)}`
  )
  return customers[0]
}

async function fillTierForm(page, fields) {
  const form = page.getByTestId("tier-form")
  await form.waitFor()
  for (const [id, value] of Object.entries(fields)) {
    await page.fill(`#${id}`, String(value))
  }
  // Without other tiers the currency is free: the demo counts in IRR.
  const currency = page.locator("#tier-currency")
  if (await currency.isEnabled()) {
    await currency.click()
    await page.getByRole("option", { name: "IRR", exact: true }).click()
  }
}

async function submitTierForm(page) {
  await page.getByTestId("tier-form-submit").click()
  await page
    .getByTestId("tier-form")
    .waitFor({ state: "detached", timeout: 30000 })
}

async function checkTiers(page, settings) {
  const stamp = new Date().toISOString().slice(11, 19)
  const nameA = `${CHECK_TIER} A`
  const nameB = `${CHECK_TIER} B`
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  const { customer_tier: saraBefore } = await adminJson(
    page,
    "GET",
    `/admin/loyalty/customers/${sara.id}/tier`
  )
  try {
    await deleteCheckTiers(page)
    const { tiers: shop } = await adminJson(
      page,
      "GET",
      "/admin/loyalty/tiers"
    )
    const top = shop.reduce((max, t) => Math.max(max, t.rank), 0)
    const spendA = spendAbove(shop)
    const spendB = (BigInt(spendA) * BigInt(2)).toString()
    const ordersFloor = Math.max(0, ...shop.map((t) => t.min_orders ?? 0))

    await page.goto(`${BASE}/app/loyalty/tiers`)
    await page.getByRole("link", { name: "Loyalty tiers" }).first().waitFor({
      timeout: 60000,
    })
    await page
      .getByTestId("tiers-table")
      .or(page.getByText("No tiers yet"))
      .first()
      .waitFor({ timeout: 60000 })
    say(`tiers listed: ${await page.getByTestId("tier-row").count()}`)
    await page.screenshot({ path: path.join(OUT, "tiers.png"), fullPage: true })

    // A tier above the shop's own.
    await page.getByRole("button", { name: "Create tier" }).click()
    await fillTierForm(page, {
      "tier-name": nameA,
      "tier-rank": top + 10,
      "tier-min-spend": spendA,
      "tier-min-orders": ordersFloor || "",
      "tier-rate": "4",
      "tier-multiplier": "1.25",
    })
    await submitTierForm(page)
    await tierRow(page, nameA).waitFor({ timeout: 30000 })
    const rowA = (await tierRow(page, nameA).innerText()).replace(/\s+/g, " ")
    say(`created: ${rowA}`)
    expect(
      rowA.includes(`IRR ${grouped(spendA)} spent`) &&
        /Rolling 365 days/.test(rowA) &&
        /4% cashback/.test(rowA) &&
        /×1\.25 multiplier/.test(rowA),
      `Unexpected tier row: ${rowA}`
    )

    // Ranked higher but asking for less: the API refuses, the form says why
    // and stays open.
    await page.getByRole("button", { name: "Create tier" }).click()
    await fillTierForm(page, {
      "tier-name": nameB,
      "tier-rank": top + 11,
      "tier-min-spend": "1000",
      "tier-min-orders": ordersFloor || "",
    })
    await page.getByTestId("tier-form-submit").click()
    const formError = page.getByTestId("tier-form-error")
    await formError.waitFor({ timeout: 30000 })
    const refused = await formError.innerText()
    say(`lower spend at a higher rank refused: ${refused}`)
    expect(
      /min_spend/.test(refused) && refused.includes(nameB),
      `The form error does not name min_spend and ${nameB}: ${refused}`
    )
    expect(
      await page.getByTestId("tier-form").isVisible(),
      "The tier form closed after a 400"
    )
    await page.screenshot({ path: path.join(OUT, "tier-form-error.png") })
    await page.fill("#tier-min-spend", spendB)
    expect(
      !(await formError.isVisible()),
      "The min_spend error stayed after min spend was changed"
    )
    await submitTierForm(page)
    await tierRow(page, nameB).waitFor({ timeout: 30000 })

    // Edit B: calendar year and a number of orders.
    await tierAction(page, nameB, "Edit")
    await page.getByTestId("tier-form").waitFor()
    expect(
      (await page.inputValue("#tier-name")) === nameB,
      "The edit form does not show the tier"
    )
    await page
      .getByTestId("tier-form")
      .getByText("Calendar year", { exact: true })
      .click()
    await page.fill("#tier-min-orders", String(ordersFloor + 3))
    await page.waitForTimeout(300) // the radio animates
    await page.screenshot({ path: path.join(OUT, "tier-form-edit.png") })
    await submitTierForm(page)
    await tierRow(page, nameB)
      .getByText(`${ordersFloor + 3} orders`)
      .waitFor({ timeout: 30000 })
    const rowB = (await tierRow(page, nameB).innerText()).replace(/\s+/g, " ")
    say(`edited: ${rowB}`)
    expect(/Calendar year/.test(rowB), `Unexpected tier row: ${rowB}`)

    await page.getByTestId("tiers-evaluate").click()
    const evaluated = page.getByText(
      /^Evaluated [\d,]+ customers?: \d+ up, \d+ down, \d+ in grace$/
    )
    await evaluated.waitFor({ timeout: 60000 })
    say(`evaluate now: ${await evaluated.innerText()}`)

    // The grace period survives a reload.
    const grace = settings.tier_grace_days === 45 ? 30 : 45
    await page.fill("#tier-grace-days", String(grace))
    await page.getByTestId("tier-settings-save").click()
    await page.getByText("Grace period saved").waitFor({ timeout: 30000 })
    await page.reload()
    await page.getByTestId("tiers-table").waitFor({ timeout: 60000 })
    await page.waitForFunction(
      (value) => document.querySelector("#tier-grace-days")?.value === value,
      String(grace),
      { timeout: 30000 }
    )
    say(`grace period ${settings.tier_grace_days} -> ${grace} days: kept after reload`)
    await page.screenshot({
      path: path.join(OUT, "tiers-after.png"),
      fullPage: true,
    })

    await checkTierRule(page, nameA, stamp)
    await checkCustomerTier(page, sara, nameA, stamp)

    // Delete asks first and says who moved.
    await page.goto(`${BASE}/app/loyalty/tiers`)
    for (const name of [nameB, nameA]) {
      await tierRow(page, name).waitFor({ timeout: 60000 })
      await tierAction(page, name, "Delete")
      await page.getByRole("button", { name: "Delete", exact: true }).click()
      const deleted = page.getByText(
        new RegExp(`^Deleted "${name}": [\\d,]+ customers? moved$`)
      )
      await deleted.waitFor({ timeout: 30000 })
      await tierRow(page, name).waitFor({ state: "detached", timeout: 30000 })
      say(await deleted.innerText())
    }
  } finally {
    try {
      await adminJson(page, "POST", "/admin/loyalty/settings", {
        tier_grace_days: settings.tier_grace_days,
      })
      const { customer_tier: now } = await adminJson(
        page,
        "GET",
        `/admin/loyalty/customers/${sara.id}/tier`
      )
      if (saraBefore.pinned && now.tier?.id !== saraBefore.tier?.id) {
        await adminJson(page, "POST", `/admin/loyalty/customers/${sara.id}/tier`, {
          pinned: true,
          tier_id: saraBefore.tier.id,
          note: saraBefore.pin_note,
        })
      } else if (!saraBefore.pinned && now.pinned) {
        await adminJson(page, "POST", `/admin/loyalty/customers/${sara.id}/tier`, {
          pinned: false,
        })
      }
      const { cashback_rules } = await adminJson(
        page,
        "GET",
        "/admin/loyalty/cashback-rules?limit=100"
      )
      for (const rule of cashback_rules.filter((r) =>
        r.name.startsWith(CHECK_RULE)
      )) {
        await adminJson(page, "DELETE", `/admin/loyalty/cashback-rules/${rule.id}`)
      }
      await deleteCheckTiers(page)
    } catch (error) {
      say(
        `(cleanup after the tiers check failed: ${error.message.split("\n")[0]}; run again to clean up)`
      )
    }
  }
}

/** A cashback rule limited to a tier, paying its rate and multiplier. */
async function checkTierRule(page, tierName, stamp) {
  const name = `${CHECK_RULE} for ${tierName} ${stamp}`
  await page.goto(`${BASE}/app/loyalty/cashback-rules`)
  await page
    .getByTestId("cashback-rules-table")
    .or(page.getByText("No cashback rules yet"))
    .first()
    .waitFor({ timeout: 60000 })
  await page.getByRole("button", { name: "Create rule" }).click()
  await page.getByTestId("rule-form").waitFor()
  await page.fill("#rule-name", name)
  await page.fill("#rule-value", "1")
  await page.click("#rule-use-tier-rate")
  await page.click("#rule-use-tier-multiplier")
  await page.click("#rule-tiers")
  await page.getByRole("option", { name: tierName }).click()
  await page.keyboard.press("Escape")
  await page.getByTestId("rule-tier-benefits").scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(OUT, "cashback-rule-form-tiers.png") })
  await page.getByTestId("rule-form-submit").click()
  await page
    .getByTestId("rule-form")
    .waitFor({ state: "detached", timeout: 30000 })
  await ruleRow(page, name).waitFor({ timeout: 30000 })
  const row = (await ruleRow(page, name).innerText()).replace(/\s+/g, " ")
  say(`rule for a tier: ${row}`)
  expect(
    /1 tier\b/.test(row) &&
      /or the tier's rate/.test(row) &&
      /× the tier's multiplier/.test(row),
    `Unexpected rule row: ${row}`
  )
  // Opened again, it shows the tier by name and both switches on.
  await page.getByRole("button", { name, exact: true }).click()
  await page.getByTestId("rule-form").waitFor()
  await page
    .getByTestId("rule-form")
    .getByText(tierName, { exact: true })
    .waitFor({ timeout: 30000 })
  await page.locator("#rule-tiers").scrollIntoViewIfNeeded()
  await page.screenshot({
    path: path.join(OUT, "cashback-rule-form-tier-list.png"),
  })
  for (const id of ["rule-use-tier-rate", "rule-use-tier-multiplier"]) {
    expect(
      (await page.getAttribute(`#${id}`, "aria-checked")) === "true",
      `#${id} is not on after a reload`
    )
  }
  await page.getByRole("button", { name: "Cancel" }).click()
  await page.getByTestId("rule-form").waitFor({ state: "detached" })
  await ruleAction(page, name, "Delete")
  await page.getByRole("button", { name: "Delete", exact: true }).click()
  await ruleRow(page, name).waitFor({ state: "detached", timeout: 30000 })
}

/** Sara's tier widget: pin her to a tier with a note, then unpin her. */
async function checkCustomerTier(page, sara, tierName, stamp) {
  await page.goto(`${BASE}/app/customers/${sara.id}`)
  const widget = page.getByTestId("customer-tier")
  const shownName = widget.getByTestId("customer-tier-name")
  await shownName.waitFor({ timeout: 60000 })
  const before = (await shownName.innerText()).trim()
  say(`Sara's tier: ${before}`)
  await widget.screenshot({ path: path.join(OUT, "customer-tier.png") })

  await widget
    .getByRole("button", { name: /^(Pin to tier|Change pin)$/ })
    .click()
  await page.click("#tier-pin-tier")
  await page.getByRole("option", { name: tierName, exact: true }).click()
  const note = `Check: VIP by agreement (${stamp})`
  await page.fill("#tier-pin-note", note)
  await widget.getByTestId("customer-tier-submit").click()
  await widget.getByTestId("customer-tier-pinned").waitFor({ timeout: 30000 })
  await widget
    .getByTestId("customer-tier-pin-note")
    .getByText(note)
    .waitFor()
  const pinnedName = (await shownName.innerText()).trim()
  expect(pinnedName === tierName, `Pinned to ${tierName}, shows ${pinnedName}`)
  const pinRow = widget
    .getByTestId("customer-tier-history-row")
    .filter({ hasText: note })
    .first()
  await pinRow.waitFor()
  const pinText = (await pinRow.innerText()).replace(/\s+/g, " ")
  say(`pinned: ${pinText}`)
  expect(
    pinText.includes(`→ ${tierName}`) && /Pinned/.test(pinText),
    `Unexpected history row: ${pinText}`
  )
  await widget.screenshot({ path: path.join(OUT, "customer-tier-pinned.png") })

  await widget.getByRole("button", { name: "Unpin", exact: true }).first().click()
  const unpinNote = `Check: agreement ended (${stamp})`
  await page.fill("#tier-unpin-note", unpinNote)
  await widget.getByTestId("customer-tier-submit").click()
  await widget
    .getByTestId("customer-tier-pinned")
    .waitFor({ state: "detached", timeout: 30000 })
  const unpinRow = widget
    .getByTestId("customer-tier-history-row")
    .filter({ hasText: unpinNote })
    .first()
  await unpinRow.waitFor()
  const after = (await shownName.innerText()).trim()
  say(
    `unpinned: now ${after}; ${(await unpinRow.innerText()).replace(/\s+/g, " ")}`
  )
  expect(after !== tierName, `Still ${tierName} after unpinning`)
  await widget.screenshot({
    path: path.join(OUT, "customer-tier-unpinned.png"),
  })
}

/**
 * An order of the demo store with cashback; places one if there is none (or
 * always, with CHECK_ADMIN_NEW_ORDER=1).
 */
async function orderWithCashback(page) {
  if (process.env.CHECK_ADMIN_NEW_ORDER) {
    return awaitCashback(page, await placeOrder(page))
  }
  const { orders } = await adminJson(
    page,
    "GET",
    "/admin/orders?fields=id,display_id&limit=50&order=-created_at"
  )
  for (const order of orders) {
    const { cashback } = await adminJson(
      page,
      "GET",
      `/admin/loyalty/orders/${order.id}/cashback`
    )
    if (cashback.length) {
      return order
    }
  }
  return awaitCashback(page, await placeOrder(page))
}

/** Cashback is awarded by a subscriber to order.placed: wait for it. */
async function awaitCashback(page, order) {
  const until = Date.now() + 30000
  while (Date.now() < until) {
    const { cashback } = await adminJson(
      page,
      "GET",
      `/admin/loyalty/orders/${order.id}/cashback`
    )
    if (cashback.length) {
      return order
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`Order ${order.id} earned no cashback`)
}

/** A storefront checkout of the vacuum cleaner (1% cashback) by a new shopper. */
async function placeOrder(page) {
  const { api_keys } = await adminJson(
    page,
    "GET",
    "/admin/api-keys?type=publishable&limit=1"
  )
  const { regions } = await adminJson(
    page,
    "GET",
    `/admin/regions?name=${encodeURIComponent(DEMO_MARKER_REGION)}`
  )
  const { products } = await adminJson(
    page,
    "GET",
    "/admin/products?handle=vacuum-cleaner&fields=id,variants.id"
  )
  const headers = {
    "content-type": "application/json",
    "x-publishable-api-key": api_keys[0].token,
  }
  const store = async (method, url, body, token) => {
    const res = await fetch(`${BASE}${url}`, {
      method,
      headers: token
        ? { ...headers, authorization: `Bearer ${token}` }
        : headers,
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await res.json()
    if (!res.ok)
      throw new Error(
        `${method} ${url} answered ${res.status}: ${json.message}`
      )
    return json
  }
  const email = `check-admin-${Date.now()}@example.com`
  const password = "check-admin-password"
  const { token: registration } = await store(
    "POST",
    "/auth/customer/emailpass/register",
    { email, password }
  )
  await store(
    "POST",
    "/store/customers",
    { email, first_name: "Check" },
    registration
  )
  const { token } = await store("POST", "/auth/customer/emailpass", {
    email,
    password,
  })
  const { cart } = await store(
    "POST",
    "/store/carts",
    {
      region_id: regions[0].id,
      items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
      shipping_address: {
        first_name: "Check",
        last_name: "Admin",
        address_1: "Valiasr St",
        city: "Tehran",
        country_code: "ir",
        postal_code: "1234567890",
      },
    },
    token
  )
  const { shipping_options } = await store(
    "GET",
    `/store/shipping-options?cart_id=${cart.id}`,
    null,
    token
  )
  await store(
    "POST",
    `/store/carts/${cart.id}/shipping-methods`,
    { option_id: shipping_options[0].id },
    token
  )
  const { payment_collection } = await store(
    "POST",
    "/store/payment-collections",
    { cart_id: cart.id },
    token
  )
  await store(
    "POST",
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    token
  )
  const completed = await store(
    "POST",
    `/store/carts/${cart.id}/complete`,
    {},
    token
  )
  if (completed.type !== "order") {
    throw new Error(
      `Checkout did not complete: ${JSON.stringify(completed.error ?? completed)}`
    )
  }
  say(`placed order #${completed.order.display_id} for the widget check`)
  return completed.order
}

async function checkOrderCashback(page) {
  const order = await orderWithCashback(page)
  await page.goto(`${BASE}/app/orders/${order.id}`)
  const widget = page.getByTestId("order-cashback")
  await widget
    .getByTestId("order-cashback-entry")
    .first()
    .waitFor({ timeout: 60000 })
  const entries = await widget.getByTestId("order-cashback-entry").count()
  const total = (
    await widget.getByTestId("order-cashback-total").innerText()
  ).replace(/\s+/g, " ")
  say(
    `order #${order.display_id} cashback: ${entries} ${entries === 1 ? "entry" : "entries"}, ${total}`
  )
  await widget.screenshot({ path: path.join(OUT, "order-cashback-widget.png") })
  await page.screenshot({
    path: path.join(OUT, "order-cashback.png"),
    fullPage: true,
  })
}

// The message the check edits: Persian, so the editor's right-to-left text
// and the chips are exercised.
const CHECK_EVENT = "cashback_credited"
const CHECK_LOCALE = "fa"

/**
 * The Loyalty messages page: a template refused for an unknown variable,
 * saved and reset; the SMS settings (win-back on and off, quiet hours, a
 * refused reminder day); then Sara's message log and a balance statement.
 */
async function checkMessages(page, settings) {
  const { message_templates } = await adminJson(
    page,
    "GET",
    "/admin/loyalty/message-templates"
  )
  const original = message_templates.find(
    (t) => t.event === CHECK_EVENT && t.locale === CHECK_LOCALE
  )
  try {
    await page.goto(`${BASE}/app/loyalty/messages`)
    await page.getByRole("link", { name: "Loyalty messages" }).first().waitFor({
      timeout: 60000,
    })
    const card = page.locator(
      `[data-testid="template-card"][data-event="${CHECK_EVENT}"][data-locale="${CHECK_LOCALE}"]`
    )
    await card.waitFor({ timeout: 60000 })
    await page.getByTestId("sms-settings").getByTestId("sms-events").waitFor()
    const cards = await page.getByTestId("template-card").count()
    say(`message templates listed: ${cards}`)
    expect(cards === 14, `Expected 14 templates (7 events × 2 languages), got ${cards}`)
    expect(
      (await card.getByTestId("template-body").getAttribute("dir")) === "rtl",
      "The Persian wording is not shown right-to-left"
    )
    await page.screenshot({
      path: path.join(OUT, "loyalty-messages.png"),
      fullPage: true,
    })
    // A run interrupted after saving leaves the wording edited: start over.
    if ((await card.getByTestId("template-state").innerText()) === "Edited") {
      await adminJson(page, "POST", "/admin/loyalty/message-templates", {
        event: CHECK_EVENT,
        locale: CHECK_LOCALE,
        body: null,
      })
      await page.reload()
      await card.getByText("Default", { exact: true }).waitFor({ timeout: 60000 })
    }

    // An unknown variable: the API refuses, the editor says why and stays open.
    await card.getByTestId("template-edit").click()
    const textarea = page.locator(`#template-${CHECK_EVENT}-${CHECK_LOCALE}`)
    await textarea.waitFor()
    expect(
      (await textarea.getAttribute("dir")) === "rtl",
      "The Persian editor is not right-to-left"
    )
    await textarea.focus()
    await page.keyboard.press("Control+End")
    await textarea.pressSequentially(" {foo}")
    await card.getByTestId("template-save").click()
    const templateError = card.getByTestId("template-error")
    await templateError.waitFor({ timeout: 30000 })
    const refused = await templateError.innerText()
    say(`unknown variable refused: ${refused}`)
    expect(refused.includes("{foo}"), `The error does not name {foo}: ${refused}`)
    expect(
      await card.getByTestId("template-editor").isVisible(),
      "The editor closed after a 400"
    )
    await card.screenshot({ path: path.join(OUT, "message-template-error.png") })

    // A valid wording, the balance put in with its chip.
    const wording = "{first_name} جان، {amount} به کیف پول شما اضافه شد. موجودی: "
    await textarea.fill(wording)
    expect(
      !(await templateError.isVisible()),
      "The error stayed after the wording was changed"
    )
    await textarea.focus()
    await page.keyboard.press("Control+End")
    await card
      .getByTestId("template-variable")
      .filter({ hasText: "{balance}" })
      .click()
    const typed = await textarea.inputValue()
    expect(
      typed === `${wording}{balance}`,
      `The {balance} chip did not insert at the cursor: ${typed}`
    )
    const preview = await card.getByTestId("template-preview").innerText()
    say(`preview: ${preview}`)
    expect(
      preview.includes("سارا") && preview.includes("تومان") && !preview.includes("{"),
      `Unexpected preview: ${preview}`
    )
    await page.fill(`#template-${CHECK_EVENT}-${CHECK_LOCALE}-gateway`, "check-cashback")
    await card.screenshot({ path: path.join(OUT, "message-template-editor.png") })
    await card.getByTestId("template-save").click()
    await card
      .getByTestId("template-editor")
      .waitFor({ state: "detached", timeout: 30000 })
    await card.getByText("Edited", { exact: true }).waitFor()
    const saved = await card.getByTestId("template-body").innerText()
    expect(saved === typed, `The saved wording shows as: ${saved}`)
    await card.getByText("Gateway: check-cashback").waitFor()
    say(`saved: ${saved}`)
    await card.screenshot({ path: path.join(OUT, "message-template-saved.png") })

    // Reset asks first, then shows the shipped wording.
    await card.getByTestId("template-edit").click()
    await card.getByTestId("template-reset").click()
    await page.getByRole("button", { name: "Reset", exact: true }).click()
    await card.getByText("Default", { exact: true }).waitFor({ timeout: 30000 })
    const reset = await card.getByTestId("template-body").innerText()
    expect(
      reset === original.default_body,
      `After the reset the wording is: ${reset}`
    )
    say("reset to the default wording")

    await checkSmsSettings(page, settings)
  } finally {
    try {
      await adminJson(page, "POST", "/admin/loyalty/message-templates", {
        event: CHECK_EVENT,
        locale: CHECK_LOCALE,
        body: original.is_default ? null : original.body,
        ...(original.is_default
          ? {}
          : { gateway_template: original.gateway_template }),
      })
      await adminJson(page, "POST", "/admin/loyalty/settings", smsSettingsOf(settings))
    } catch (error) {
      say(
        `(cleanup after the messages check failed: ${error.message.split("\n")[0]}; run again to clean up)`
      )
    }
  }
  await checkCustomerMessages(page)
}

const SMS_SETTINGS = [
  "sms_events",
  "reminder_days",
  "quiet_hours_start",
  "quiet_hours_end",
  "time_zone",
  "sender_line",
  "store_name",
  "default_locale",
  "money_display",
  "win_back_days",
]
const smsSettingsOf = (settings) =>
  Object.fromEntries(SMS_SETTINGS.map((k) => [k, settings[k]]))

async function waitForValue(page, selector, value) {
  await page.waitForFunction(
    ([selector, value]) => document.querySelector(selector)?.value === value,
    [selector, value],
    { timeout: 30000 }
  )
}

/** Win-back on, other quiet hours, kept after a reload; a refused reminder day; then back. */
async function checkSmsSettings(page, settings) {
  const panel = page.getByTestId("sms-settings")
  const winBack = page.locator("#sms-event-win_back")
  const on = (await winBack.getAttribute("aria-checked")) === "true"
  const start = await page.inputValue("#sms-quiet-start")
  const end = await page.inputValue("#sms-quiet-end")
  const quiet =
    start === "23:30" ? ["21:00", "08:30"] : ["23:30", "08:00"]

  // A reminder 0 days before is refused; the message shows at that field.
  await page.fill("#sms-reminder-days", "7, 0")
  await panel.getByTestId("sms-settings-save").click()
  const reminderError = panel.getByTestId("sms-settings-error-reminder_days")
  await reminderError.waitFor({ timeout: 30000 })
  say(`reminder day 0 refused: ${await reminderError.innerText()}`)
  await page.fill(
    "#sms-reminder-days",
    (settings.reminder_days ?? []).join(", ")
  )

  await winBack.click()
  await page.fill("#sms-quiet-start", quiet[0])
  await page.fill("#sms-quiet-end", quiet[1])
  await panel.getByTestId("sms-settings-save").click()
  await page.getByText("SMS settings saved").waitFor({ timeout: 30000 })
  await page.reload()
  await winBack.waitFor({ timeout: 60000 })
  await waitForValue(page, "#sms-quiet-start", quiet[0])
  await waitForValue(page, "#sms-quiet-end", quiet[1])
  expect(
    (await winBack.getAttribute("aria-checked")) === String(!on),
    `Win-back is not ${on ? "off" : "on"} after a reload`
  )
  say(
    `win-back ${on ? "on -> off" : "off -> on"}, quiet hours ${start}-${end} -> ${quiet.join("-")}: kept after reload`
  )
  await page
    .getByTestId("sms-settings")
    .screenshot({ path: path.join(OUT, "sms-settings.png") })

  // And back, through the form.
  await winBack.click()
  await page.fill("#sms-quiet-start", start)
  await page.fill("#sms-quiet-end", end)
  await panel.getByTestId("sms-settings-save").click()
  await page.getByText("SMS settings saved").last().waitFor({ timeout: 30000 })
  await page.reload()
  await winBack.waitFor({ timeout: 60000 })
  await waitForValue(page, "#sms-quiet-start", start)
  expect(
    (await winBack.getAttribute("aria-checked")) === String(on),
    "Win-back was not put back"
  )
  say(`win-back and quiet hours ${start}-${end} restored`)
}

/** Sara's message log (the demo texts her) and a balance statement. */
async function checkCustomerMessages(page) {
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  await page.goto(`${BASE}/app/customers/${sara.id}`)
  const widget = page.getByTestId("customer-messages")
  await widget
    .getByTestId("customer-message-row")
    .first()
    .waitFor({ timeout: 60000 })
  const rows = widget.getByTestId("customer-message-row")
  const log = []
  for (let i = 0; i < (await rows.count()); i++) {
    log.push((await rows.nth(i).innerText()).replace(/\s+/g, " "))
  }
  say(`Sara's messages (${log.length}):\n  ${log.join("\n  ")}`)
  for (const event of ["Cashback credited", "Balance statement"]) {
    expect(
      log.some((row) => row.includes(event)),
      `Sara's log has no "${event}" message`
    )
  }
  const persian = widget
    .getByTestId("customer-message-body")
    .filter({ hasText: "عزیز" })
    .first()
  expect(
    (await persian.getAttribute("dir")) === "rtl",
    "A Persian message is not shown right-to-left"
  )
  await widget.scrollIntoViewIfNeeded()
  await widget.screenshot({ path: path.join(OUT, "customer-messages.png") })

  await widget.getByTestId("customer-messages-statement").click()
  const toast = page.getByText(
    /^(Balance statement queued|Balance statement not sent|A balance statement (was already sent|is already queued) today|Balance statements are turned off)/
  )
  await toast.first().waitFor({ timeout: 30000 })
  say(`send balance statement: ${await toast.first().innerText()}`)
  // The viewport, once the toast has slid in.
  await page.waitForTimeout(500)
  await page.screenshot({
    path: path.join(OUT, "customer-messages-statement.png"),
  })
}

// Till keys the check creates carry this prefix. Keys are never deleted
// (purchases point at them), so each run leaves one revoked row.
const CHECK_TILL = "Check till"

/**
 * Till keys: one created (its secret shown once, and usable by a till),
 * then revoked. Register purchase: a refused phone, a new member (by
 * double click: registered once), Sara; then Sara's club card.
 */
async function checkPos(page) {
  await checkPosKeys(page)
  await checkRegisterPurchase(page)
  await checkClubCard(page)
}

/** A till's request with a key, as the dialog tells shops to send it. */
async function tillLookup(key, phone) {
  const res = await fetch(
    `${BASE}/pos/loyalty/members?phone=${encodeURIComponent(phone)}`,
    { headers: { "x-pos-key": key } }
  )
  return res.status
}

async function checkPosKeys(page) {
  const name = `${CHECK_TILL} ${new Date().toISOString().slice(11, 19)}`
  await page.goto(`${BASE}/app/loyalty/pos-keys`)
  await page.getByRole("link", { name: "Till keys" }).first().waitFor({
    timeout: 60000,
  })
  await page.getByTestId("pos-keys-table").waitFor({ timeout: 60000 })
  say(`till keys listed: ${await page.getByTestId("pos-key-row").count()}`)

  await page.getByRole("button", { name: "Create key" }).click()
  await page.getByTestId("pos-key-form").waitFor()
  await page.fill("#pos-key-name", name)
  await page.fill("#pos-key-location", "Check shop, Enghelab St")
  await page.screenshot({ path: path.join(OUT, "pos-key-form.png") })
  await page.getByTestId("pos-key-form-submit").click()
  const dialog = page.getByTestId("pos-key-created")
  await dialog.waitFor({ timeout: 30000 })
  const key = (await page.getByTestId("pos-key-secret").innerText()).trim()
  const shown = await dialog.innerText()
  expect(key.length >= 20, `The dialog shows no key: ${key}`)
  expect(
    /cannot be shown again/.test(shown) && shown.includes(`x-pos-key: ${key}`),
    `The dialog does not warn or show the header: ${shown}`
  )
  await page.waitForTimeout(300) // the dialog animates
  await page.screenshot({ path: path.join(OUT, "pos-key-created.png") })
  say(`created "${name}": key ${key.slice(0, 12)}… shown once`)
  await dialog.getByRole("button", { name: "I have copied the key" }).click()
  await dialog.waitFor({ state: "detached", timeout: 30000 })

  const row = page.locator(`[data-testid="pos-key-row"][data-name="${name}"]`)
  await row.getByText("Active", { exact: true }).waitFor({ timeout: 30000 })
  expect(
    !(await page.getByText(key).count()),
    "The key is still on the page after the dialog closed"
  )
  const before = await tillLookup(key, DEMO_CUSTOMERS[0].phone)
  expect(before === 200, `A till with the new key got ${before}`)

  await page
    .getByRole("button", { name: `Actions for ${name}`, exact: true })
    .click()
  await page.getByRole("menuitem", { name: "Revoke", exact: true }).click()
  await page.getByRole("button", { name: "Revoke", exact: true }).click()
  await row.getByText("Revoked", { exact: true }).waitFor({ timeout: 30000 })
  const after = await tillLookup(key, DEMO_CUSTOMERS[0].phone)
  expect(after === 401, `A till with the revoked key got ${after}`)
  say(`till lookup with the key: ${before}; after revoking: ${after}`)
  await page.screenshot({
    path: path.join(OUT, "pos-keys.png"),
    fullPage: true,
  })
}

async function registerPurchase(page, { phone, amount, note }, submit) {
  await page.fill("#purchase-phone", phone)
  await page.fill("#purchase-amount", amount)
  if (note) await page.fill("#purchase-note", note)
  await (submit ?? ((b) => b.click()))(page.getByTestId("purchase-submit"))
}

async function checkRegisterPurchase(page) {
  await page.goto(`${BASE}/app/loyalty/register-purchase`)
  await page.getByRole("link", { name: "Register purchase" }).first().waitFor({
    timeout: 60000,
  })
  await page.getByTestId("purchase-form").waitFor({ timeout: 60000 })
  // The currency defaults to the rial, from the store's regions.
  await page
    .locator("#purchase-currency")
    .getByText("IRR")
    .waitFor({ timeout: 30000 })

  // A phone that is no mobile number: the API refuses, the form says why.
  await registerPurchase(page, { phone: "abc", amount: "5000000" })
  const error = page.getByTestId("purchase-error")
  await error.waitFor({ timeout: 30000 })
  const refused = await error.innerText()
  say(`phone abc refused: ${refused}`)
  expect(/\bphone\b/.test(refused), `The error does not name phone: ${refused}`)
  expect(
    (await page.getAttribute("#purchase-phone", "aria-invalid")) === "true",
    "The phone field is not outlined"
  )
  await page.screenshot({
    path: path.join(OUT, "register-purchase-error.png"),
    fullPage: true,
  })

  // A number the club does not know: a new member. A double click
  // registers the purchase once.
  const suffix = String(Date.now() % 10000).padStart(4, "0")
  const phone = `0935 555 ${suffix}`
  await registerPurchase(page, { phone, amount: "5,000,000" }, (b) =>
    b.dblclick()
  )
  const result = page.getByTestId("purchase-result")
  await result.waitFor({ timeout: 30000 })
  expect(!(await error.isVisible()), "The phone error stayed after a success")
  await result.getByTestId("purchase-new-member").waitFor()
  const credited = await result.getByTestId("purchase-cashback").innerText()
  const purchases = await result.getByTestId("club-card-purchases").innerText()
  say(`new member ${phone}: ${credited}; ${purchases.replace(/\s+/g, " ")}`)
  expect(/Cashback credited: /.test(credited), `Unexpected: ${credited}`)
  expect(
    /Purchases\s+1$/.test(purchases.trim()),
    `A double click registered more than once: ${purchases}`
  )
  expect(
    (await page.inputValue("#purchase-phone")) === "",
    "The form was not reset after the purchase"
  )
  await page.screenshot({
    path: path.join(OUT, "register-purchase-new-member.png"),
    fullPage: true,
  })

  // Sara, a member already.
  await registerPurchase(page, {
    phone: "09121234567",
    amount: "1200000",
    note: "Check: paper receipt",
  })
  await result
    .getByRole("link", { name: /Sara/ })
    .waitFor({ timeout: 30000 })
  expect(
    !(await result.getByTestId("purchase-new-member").count()),
    "Sara shows as a new member"
  )
  say(
    `Sara: ${await result.getByTestId("purchase-cashback").innerText()}; ` +
      (await result.getByTestId("club-card-purchases").innerText()).replace(
        /\s+/g,
        " "
      )
  )
  await page.screenshot({
    path: path.join(OUT, "register-purchase-sara.png"),
    fullPage: true,
  })
}

async function checkClubCard(page) {
  const sara = await customerByEmail(page, DEMO_CUSTOMERS[0].email)
  await page.goto(`${BASE}/app/customers/${sara.id}`)
  const widget = page.getByTestId("customer-club-card")
  await widget.getByTestId("club-card").waitFor({ timeout: 60000 })
  const channels = await widget.getByTestId("club-card-channels").innerText()
  const purchases = await widget.getByTestId("club-card-purchases").innerText()
  say(
    `Sara's club card: ${purchases.replace(/\s+/g, " ")}; ${channels.replace(/\s+/g, " ")}`
  )
  expect(channels.includes("In-store"), `No In-store channel: ${channels}`)
  await widget.scrollIntoViewIfNeeded()
  await widget.screenshot({ path: path.join(OUT, "customer-club-card.png") })
  await page.screenshot({
    path: path.join(OUT, "customer-club-card-page.png"),
    fullPage: true,
  })
}

main().catch((error) => {
  process.stderr.write(`check-admin failed: ${error.message}\n`)
  process.exit(1)
})
