// Sara's tier widget on her customer page in the admin's language
// (ctx.lang): where she stands, with Jalali dates and Persian digits in
// Persian; pinned to a tier with a note through the pin drawer, the pin
// shown in the widget and its history at once, without a reload; then
// unpinned, her tier as her orders reach. Run by the
// "tiers" step (tiers.js) with a tier it created, or alone with the shop's
// own tiers, Sara's pin put back after.
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { adminJson, BASE, customerByEmail, defaultSay, expect } = require("./lib")

const PERSIAN_DIGIT = /[۰-۹]/
const LATIN_DIGIT = /[0-9]/

/** The widget's screenshot; in Persian also the Persian check of the page. */
async function shootWidget(ctx, widget, name) {
  for (let attempt = 1; ; attempt++) {
    try {
      await widget.scrollIntoViewIfNeeded()
      return await ctx.shot(name, { of: widget })
    } catch (error) {
      // The customer page re-renders its widgets when its own data reloads.
      if (attempt >= 3 || /Persian check/.test(error.message)) throw error
    }
  }
}

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context: lang, tr, say, shot (lib.js createContext)
 * @param sara the customer (default: the demo's first)
 * @param tier the tier to pin her to (default: a shop tier she is not in)
 */
async function checkCustomerTier(page, ctx, { sara, tier, stamp } = {}) {
  const { adminName, date, pattern, raw, restoreTier, say, squash } = require("./tiers")
  const { tr } = ctx
  const log = ctx.say ?? defaultSay
  const base = ctx.base ?? BASE
  const lang = ctx.lang ?? "en"
  stamp = stamp ?? new Date().toISOString().slice(11, 19)
  sara = sara ?? (await customerByEmail(page, DEMO_CUSTOMERS[0].email))
  const url = `/admin/loyalty/customers/${sara.id}/tier`
  const { customer_tier: before } = await adminJson(page, "GET", url)
  const { tiers } = await adminJson(page, "GET", "/admin/loyalty/tiers")
  if (!tier) {
    tier = [...tiers].sort((a, b) => b.rank - a.rank).find((t) => t.id !== before.tier?.id)
    expect(tier, "The shop has no tier to pin Sara to")
  }
  const tierShown = adminName(ctx, tier)
  const who = sara.first_name || sara.email
  try {
    await page.goto(`${base}/app/customers/${sara.id}`)
    const widget = page.locator('[data-loyalty-widget="customer-tier"]')
    const shownName = widget.getByTestId("customer-tier-name")
    await shownName.waitFor({ timeout: 60000 })
    await widget.getByRole("heading", { name: tr("tiers.customer.title") }).waitFor()
    log(`Sara's tier: ${squash(await shownName.innerText())}`)

    // Dates in the admin's calendar: Jalali with Persian digits in Persian.
    if (before.achieved_at) {
      const since = say(ctx, "tiers.customer.since", { date: date(lang, before.achieved_at, ctx.settings?.time_zone) })
      await widget.getByText(since).first().waitFor({ timeout: 30000 })
      log(`held ${since}`)
    }
    const when = widget.getByTestId("customer-tier-history-row").first().locator("td").first()
    if (await when.count()) {
      const text = await when.innerText()
      log(`history date: ${text}`)
      expect(
        lang === "fa" ? PERSIAN_DIGIT.test(text) && !LATIN_DIGIT.test(text) : LATIN_DIGIT.test(text),
        `The history date reads "${text}" in ${lang}`
      )
    }
    await shootWidget(ctx, widget, "customer-tier")

    // Pinned to the tier with a note.
    await widget.getByTestId("customer-tier-pin").click()
    const form = page.getByTestId("customer-tier-form")
    await form.waitFor()
    await form.getByRole("heading", { name: pattern(raw(ctx, "tiers.customer.pin.title", ["name"]), { name: who }) }).waitFor()
    const note = `${lang === "fa" ? "مشتری عمده طبق توافق" : "Check: VIP by agreement"} (${stamp})`
    await page.locator("#tier-pin-tier").click()
    await page.getByRole("option", { name: tierShown, exact: true }).click()
    await page.locator("#tier-pin-note").fill(note)
    await ctx.shot("customer-tier-pin-form")
    const pinned = page.waitForResponse((res) => res.url().endsWith(url) && res.request().method() === "POST")
    await form.getByTestId("customer-tier-form-submit").click()
    const pinRes = await pinned
    expect(pinRes.status() === 200, `Pinning answered ${pinRes.status()}`)
    expect(
      JSON.stringify(pinRes.request().postDataJSON()) ===
        JSON.stringify({ pinned: true, tier_id: tier.id, note }),
      `Sent ${JSON.stringify(pinRes.request().postDataJSON())}`
    )
    await page
      .getByText(
        pattern(raw(ctx, "tiers.customer.toast.pinned", ["name", "tier"]), { name: who, tier: tierShown })
      )
      .first()
      .waitFor({ timeout: 30000 })
    await form.waitFor({ state: "detached", timeout: 30000 }).catch(() => form.waitFor({ state: "hidden" }))

    // The widget shows the pin at once, without a reload.
    await widget.getByTestId("customer-tier-pinned").waitFor({ timeout: 30000 })
    await widget
      .getByTestId("customer-tier-pin-note")
      .getByText(say(ctx, "tiers.customer.pinNote", { tier: tierShown, note }))
      .waitFor({ timeout: 30000 })
    expect(squash(await shownName.innerText()) === tierShown, `Pinned to ${tierShown}, shows ${await shownName.innerText()}`)
    const pinRow = widget
      .locator('[data-testid="customer-tier-history-row"][data-reason="pin"]')
      .filter({ hasText: note })
      .first()
    await pinRow.waitFor({ timeout: 30000 })
    const pinText = squash(await pinRow.innerText())
    log(`pinned: ${pinText}`)
    expect(
      pinText.includes(tierShown) && pinText.includes(tr("tiers.customer.history.reason.pin")),
      `Unexpected history row: ${pinText}`
    )
    await shootWidget(ctx, widget, "customer-tier-pinned")

    // Unpinned, she goes to the tier her orders reach.
    await widget.getByTestId("customer-tier-unpin").click()
    await form.waitFor()
    await form.getByRole("heading", { name: pattern(raw(ctx, "tiers.customer.unpin.title", ["name"]), { name: who }) }).waitFor()
    const unpinNote = `${lang === "fa" ? "توافق تمام شد" : "Check: agreement ended"} (${stamp})`
    await page.locator("#tier-pin-note").fill(unpinNote)
    await ctx.shot("customer-tier-unpin-form")
    await form.getByTestId("customer-tier-form-submit").click()
    await widget.getByTestId("customer-tier-pinned").waitFor({ state: "detached", timeout: 30000 })
    const unpinRow = widget
      .locator('[data-testid="customer-tier-history-row"][data-reason="unpin"]')
      .filter({ hasText: unpinNote })
      .first()
    await unpinRow.waitFor({ timeout: 30000 })
    const { customer_tier: after } = await adminJson(page, "GET", url)
    const expected = after.tier
      ? adminName(ctx, tiers.find((t) => t.id === after.tier.id) ?? after.tier)
      : tr("tiers.customer.noTier")
    await page.waitForFunction(
      ([text]) =>
        document
          .querySelector('[data-loyalty-widget="customer-tier"] [data-testid="customer-tier-name"]')
          ?.textContent.includes(text),
      [expected],
      { timeout: 30000 }
    )
    log(`unpinned: now ${expected}; ${squash(await unpinRow.innerText())}`)
    await shootWidget(ctx, widget, "customer-tier-unpinned")
  } finally {
    await restoreTier(page, sara, before).catch((error) =>
      log(`(putting Sara's tier back failed: ${error.message.split("\n")[0]})`)
    )
  }
}

module.exports = { checkCustomerTier }
