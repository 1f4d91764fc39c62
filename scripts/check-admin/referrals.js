#!/usr/bin/env node
// The Referrals page (/app/loyalty/referrals) in the admin's language
// (ctx.lang): the list with a count per status (the counts match the API's),
// the top referrers and the programme's settings. A referral held for
// review, if the shop has one, shows its status, its reasons in words and
// its Approve and Refuse buttons; Refuse asks first (the prompt is cancelled:
// nothing is changed). Without a held referral that part is skipped and
// said so. The settings: a bonus percentage without its number of orders is
// refused at the orders field with nothing sent; then the orders and the
// return window typed in the admin's digits are saved (the body carries
// only what changed), and shown after a reload. The programme is put back as
// it was. The Persian check runs on each screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/referrals.js [http://localhost:9000]
// and as the "referrals" step of `npm run check:admin`.
const { adminApi, expect, runAlone } = require("./lib")
const { typed } = require("./pos")

const STATUSES = ["joined", "ordered", "held", "pending", "rewarded", "refused", "reversed"]

/** The programme's fields a POST takes back, to restore it. */
const PROGRAM_FIELDS = [
  "enabled",
  "friend_gift_type",
  "friend_batch_id",
  "friend_credit",
  "friend_credit_valid_days",
  "min_order_amount",
  "referrer_credit",
  "referrer_credit_valid_days",
  "hold_days",
  "referrer_percent",
  "referrer_orders",
  "referrer_monthly_cap",
  "daily_source_limit",
  "credit_share_hold",
  "require_verified_phone",
  "share_url",
]

const squash = (text) => text.replace(/\s+/g, " ").trim()

/**
 * A screenshot of a part taller than the window (the settings card): the
 * admin scrolls inside its own frame, so the window grows to hold it, then
 * shrinks back.
 */
async function shootTall(page, ctx, part, name) {
  const viewport = page.viewportSize()
  const box = await part.boundingBox()
  if (box && box.height + 200 > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.height + 200) })
  }
  try {
    await part.scrollIntoViewIfNeeded()
    return await ctx.shot(name, { of: part })
  } finally {
    await page.setViewportSize(viewport)
  }
}

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkReferrals(page, ctx) {
  const { base, lang, tr, say, shot } = ctx
  const api = adminApi(page, base)
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }
  const { program: original } = await api("GET", "/admin/loyalty/referrals/program")
  const restore = Object.fromEntries(PROGRAM_FIELDS.map((f) => [f, original[f] ?? null]))
  if (restore.referrer_percent !== null) restore.referrer_percent = String(restore.referrer_percent)
  // A run that stopped half way: start from the programme without a bonus.
  await api("POST", "/admin/loyalty/referrals/program", { referrer_percent: null, referrer_orders: 0 })
  const { counts } = await api("GET", "/admin/loyalty/referrals?limit=1")
  const { referrals: held } = await api("GET", "/admin/loyalty/referrals?status=held&limit=1")

  try {
    await page.goto(`${base}/app/loyalty/referrals`)
    const root = page.locator('[data-loyalty-page="referrals"]')
    await root.getByRole("heading", { name: tr("referrals.title"), exact: true }).waitFor({ timeout: 60000 })
    await root.getByTestId("referrals-table").waitFor({ timeout: 30000 })
    await root.getByTestId("referral-program").locator("form").waitFor({ timeout: 30000 })
    await root.getByTestId("top-referrers").waitFor()

    // A count per status, as the API counts them.
    const shownCounts = await root
      .getByTestId("referral-count")
      .evaluateAll((els) => els.map((e) => [e.dataset.status, Number(e.dataset.count)]))
    see(
      "status counts",
      shownCounts,
      [["all", STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0)], ...STATUSES.map((s) => [s, counts[s] ?? 0])]
    )
    const settings = root.getByTestId("referral-program")
    for (const id of ["referral-enabled", "referral-gift", "referral-hold-days", "referral-monthly-cap", "referral-share-url"]) {
      if (!(await settings.locator(`#${id}`).isVisible())) failures.push(`the setting #${id} is not shown`)
    }
    await page.waitForLoadState("networkidle")
    await shot("referrals")

    // A held referral: its reasons in words, Approve and Refuse (asked first).
    if (held.length) {
      const referral = held[0]
      await root.locator('[data-testid="referral-count"][data-status="held"]').click()
      await root.locator('[data-testid="referral-status-hint"]').waitFor()
      const row = root
        .locator("tr")
        .filter({ has: page.locator('[data-testid="referral-status"][data-status="held"]') })
        .filter({ has: page.locator('[data-testid="referral-code"]', { hasText: referral.code }) })
        .first()
      await row.waitFor({ timeout: 30000 })
      const reasons = await row
        .getByTestId("referral-reason")
        .evaluateAll((els) => els.map((e) => [e.dataset.reason, e.textContent.trim()]))
      see(
        "the held referral's reasons",
        reasons,
        (referral.reasons ?? []).map((r) => [r, tr(`referrals.reasons.${r}`)])
      )
      see("its status", squash(await row.getByTestId("referral-status").innerText()), tr("referrals.status.held"))
      see("Approve", squash(await row.getByTestId("referral-approve").innerText()), tr("referrals.review.approve"))
      see("Refuse", squash(await row.getByTestId("referral-refuse").innerText()), tr("referrals.review.refuse"))
      await row.scrollIntoViewIfNeeded()
      await shot("referral-held", { of: root.getByTestId("referrals") })

      let reviewed = 0
      const count = (req) => {
        if (/\/admin\/loyalty\/referrals\/[^/]+\/(approve|refuse)$/.test(req.url())) reviewed++
      }
      page.on("request", count)
      await row.getByTestId("referral-refuse").click()
      const prompt = page.getByRole("alertdialog")
      await prompt.waitFor()
      await prompt.getByText(tr("referrals.review.refusePrompt.title"), { exact: true }).waitFor()
      await page.waitForTimeout(400) // the prompt fades in
      await shot("referral-refuse-prompt", { fullPage: false })
      await prompt.getByRole("button", { name: tr("common.actions.cancel"), exact: true }).click()
      await prompt.waitFor({ state: "hidden" })
      await page.waitForTimeout(300)
      page.off("request", count)
      see("requests from a cancelled refusal", reviewed, 0)
      say(`held referral ${referral.code}: ${(referral.reasons ?? []).join(", ")} shown in words, with Approve and Refuse`)
      await root.locator('[data-testid="referral-count"][data-status="all"]').click()
    } else {
      say("no referral is held for review: the held row, its reasons and Approve/Refuse were not checked")
    }

    // A bonus percentage without its orders: refused at the orders field.
    let posted = 0
    const countPosts = (req) => {
      if (req.url().endsWith("/admin/loyalty/referrals/program") && req.method() === "POST") posted++
    }
    page.on("request", countPosts)
    await settings.scrollIntoViewIfNeeded()
    await page.fill("#referral-percent", typed(lang, "5"))
    await page.fill("#referral-orders", typed(lang, "0"))
    await page.getByTestId("referral-program-save").click()
    const error = page.locator("#referral-orders-error")
    await error.waitFor({ timeout: 10000 })
    see("the orders' error", (await error.innerText()).trim(), tr("referrals.settings.orders.required"))
    await page.waitForTimeout(300)
    see("requests from a bonus without orders", posted, 0)
    page.off("request", countPosts)
    await shootTall(page, ctx, settings, "referral-settings-error")

    // The orders and the return window: saved, only what changed sent.
    const hold = original.hold_days === 21 ? 20 : 21
    await page.fill("#referral-orders", typed(lang, "3"))
    await page.fill("#referral-hold-days", typed(lang, String(hold)))
    const answered = page.waitForResponse(
      (res) => res.url().endsWith("/admin/loyalty/referrals/program") && res.request().method() === "POST",
      { timeout: 30000 }
    )
    await page.getByTestId("referral-program-save").click()
    const res = await answered
    const body = await res.json()
    expect(res.ok(), `saving the programme answered ${res.status()}: ${body.message}`)
    see("sent", res.request().postDataJSON(), { hold_days: hold, referrer_percent: "5", referrer_orders: 3 })
    await page
      .locator("[data-sonner-toast]")
      .filter({ hasText: tr("common.states.saved") })
      .first()
      .waitFor({ timeout: 15000 })
    await page.reload()
    await page.locator("#referral-hold-days").waitFor({ timeout: 60000 })
    see("the return window after a reload", await page.inputValue("#referral-hold-days"), typed(lang, String(hold)))
    see("the bonus orders after a reload", await page.inputValue("#referral-orders"), typed(lang, "3"))
    await shootTall(page, ctx, root.getByTestId("referral-program"), "referral-settings-saved")
    say(`programme saved: a ${hold}-day return window and a 5% bonus on 3 orders`)
  } finally {
    await api("POST", "/admin/loyalty/referrals/program", restore).catch((e) =>
      say(`(putting the programme back failed: ${e.message})`)
    )
  }

  if (failures.length) {
    throw new Error(`referrals (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkReferrals }

if (require.main === module) {
  runAlone(checkReferrals, "referrals")
}
