#!/usr/bin/env node
// The Occasions page (/app/loyalty/occasions) in the admin's language
// (ctx.lang): the seven occasions in order, each with this year's figures;
// Yalda turned on with a credit gift: first refused at the credit field
// (no amount) with nothing sent, then an amount typed in the admin's digits
// and days of validity, saved: the body sends what changed (the amount in
// rial), the toast says so, and after a reload the card shows it on. Each
// occasion links to its SMS wording on the Messages page. Yalda is put back
// as it was. The Persian check runs on each screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/occasions.js [http://localhost:9000]
// and as the "occasions" step of `npm run check:admin`.
const { adminApi, expect, runAlone } = require("./lib")
const { grouped, typed } = require("./pos")

const KINDS = [
  "birthday",
  "membership_anniversary",
  "first_order_anniversary",
  "nowruz",
  "yalda",
  "welcome",
  "win_back",
]
const EVENT = { welcome: "first_order" }
const KIND = "yalda"

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkOccasions(page, ctx) {
  const { base, lang, tr, say, shot } = ctx
  const api = adminApi(page, base)
  const { settings } = await api("GET", "/admin/loyalty/settings")
  const display = settings.money_display
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }
  const { occasions } = await api("GET", "/admin/loyalty/occasions")
  const original = occasions.find((o) => o.kind === KIND)
  expect(original, `GET /admin/loyalty/occasions has no ${KIND}`)
  // A run that stopped half way: start from Yalda off without a gift.
  await api("POST", `/admin/loyalty/occasions/${KIND}`, { enabled: false, gift_type: "none" })

  try {
    await page.goto(`${base}/app/loyalty/occasions`)
    const root = page.locator('[data-loyalty-page="occasions"]')
    await root.getByRole("heading", { name: tr("occasions.title"), exact: true }).waitFor({ timeout: 60000 })
    await root.getByTestId("occasion").first().waitFor({ timeout: 30000 })
    const kinds = await root.getByTestId("occasion").evaluateAll((els) => els.map((e) => e.dataset.kind))
    see("occasions listed", kinds, KINDS)
    const links = await root.getByTestId("occasion-wording").evaluateAll((els) => els.map((e) => e.getAttribute("href")))
    see("wording links", links, KINDS.map((k) => `/app/loyalty/messages#message-${EVENT[k] ?? k}`))
    await page.waitForLoadState("networkidle")
    await shot("occasions")

    const card = root.locator(`[data-testid="occasion"][data-kind="${KIND}"]`)
    await card.scrollIntoViewIfNeeded()
    await page.locator(`#occasion-${KIND}-enabled`).click()
    await page.locator(`#occasion-${KIND}-gift`).click()
    await page.getByRole("option", { name: tr("occasions.form.gift.credit"), exact: true }).click()
    const amountField = page.locator(`#occasion-${KIND}-credit-irr`)
    await amountField.waitFor({ timeout: 10000 })

    // No amount: refused at the credit field, nothing sent.
    let posted = 0
    const count = (req) => {
      if (req.url().endsWith(`/admin/loyalty/occasions/${KIND}`) && req.method() === "POST") posted++
    }
    page.on("request", count)
    await page.getByTestId(`occasion-${KIND}-save`).click()
    const error = page.locator(`#occasion-${KIND}-credit-irr-error`)
    await error.waitFor({ timeout: 10000 })
    see("the credit's error", (await error.innerText()).trim(), tr("occasions.form.creditRequired"))
    await page.waitForTimeout(300)
    see("requests from a gift without an amount", posted, 0)
    await shot("occasion-credit-error", { of: card })

    // An amount in the admin's digits and its days: saved.
    const shown = display === "toman" ? "100000" : "1000000"
    const rial = display === "toman" ? `${shown}0` : shown
    await amountField.fill(typed(lang, grouped(shown)))
    await page.fill(`#occasion-${KIND}-credit-days`, typed(lang, "30"))
    const answered = page.waitForResponse(
      (res) => res.url().endsWith(`/admin/loyalty/occasions/${KIND}`) && res.request().method() === "POST",
      { timeout: 30000 }
    )
    await page.getByTestId(`occasion-${KIND}-save`).click()
    const res = await answered
    const body = await res.json()
    expect(res.ok(), `saving ${KIND} answered ${res.status()}: ${body.message}`)
    page.off("request", count)
    see("sent", res.request().postDataJSON(), {
      enabled: true,
      gift_type: "credit",
      credit_amount: { irr: rial },
      credit_valid_days: 30,
    })
    await page
      .locator("[data-sonner-toast]")
      .filter({ hasText: tr("occasions.toast.saved", { name: tr(`occasions.kinds.${KIND}.label`) }) })
      .first()
      .waitFor({ timeout: 15000 })
    see("the answer", { enabled: body.occasion.enabled, gift_type: body.occasion.gift_type, credit_amount: body.occasion.credit_amount }, {
      enabled: true,
      gift_type: "credit",
      credit_amount: { irr: rial },
    })

    await page.reload()
    await root.locator(`[data-testid="occasion"][data-kind="${KIND}"][data-enabled="true"]`).waitFor({ timeout: 60000 })
    await page.locator(`#occasion-${KIND}-credit-irr`).waitFor({ timeout: 30000 })
    see("switch after a reload", await page.locator(`#occasion-${KIND}-enabled`).getAttribute("aria-checked"), "true")
    await card.scrollIntoViewIfNeeded()
    await shot("occasion-saved", { of: card })
    say(`${KIND} on with ${rial} rial of credit for 30 days: saved and shown after a reload`)
  } finally {
    await api("POST", `/admin/loyalty/occasions/${KIND}`, {
      enabled: original.enabled,
      gift_type: original.gift_type,
      batch_id: original.batch_id,
      credit_amount: original.credit_amount,
      credit_valid_days: original.credit_valid_days,
    }).catch((e) => say(`(putting ${KIND} back failed: ${e.message})`))
  }

  if (failures.length) {
    throw new Error(`occasions (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkOccasions }

if (require.main === module) {
  runAlone(checkOccasions, "occasions")
}
