// The Loyalty tiers page: a refused tier, two created and one edited,
// Evaluate now, the grace period kept after a reload; a cashback rule
// limited to one of the tiers; Sara pinned to it and unpinned
// (customer-tier.js); the tiers deleted. The "tiers" step of
// `npm run check:admin`.
const path = require("path")
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminJson, BASE, customerByEmail, expect, OUT, say } = require("./lib")
const { CHECK_RULE, ruleAction, ruleRow } = require("./cashback-rules")
const { checkCustomerTier } = require("./customer-tier")

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

module.exports = { checkTiers }
