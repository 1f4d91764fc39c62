#!/usr/bin/env node
// The Discount codes page (/app/loyalty/codes) in the admin's language
// (ctx.lang), as a shop owner uses it: the batches' count as the API counts
// them; the create form (full-screen) refused empty at its fields and
// nothing sent, the "valid until" date picker (Jalali in Persian); then a
// small bulk batch (15% on the order, a cap and a minimum basket in the
// shop's unit, typed in the admin's digits, a prefix, 25 codes) created: the
// body in rial, the batch page following its codes being made until it is
// active; the batch page's stats, template and codes (searched by one code),
// the CSV export (a header and 25 lines), and the batch disabled behind a
// prompt. The Persian check runs on each screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/codes.js [http://localhost:9000]
// and as the "codes" step of `npm run check:admin`.
const { adminApi, expect, runAlone } = require("./lib")
const { grouped, irr, number, typed } = require("./pos")

const squash = (text) => text.replace(/\s+/g, " ").trim()
const QUANTITY = 25

/** A Radix select of the form: opened by its trigger, an option picked by its words. */
async function choose(page, triggerId, label) {
  await page.locator(`#${triggerId}`).click()
  await page.getByRole("option", { name: label, exact: true }).click()
}

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkCodes(page, ctx) {
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

  // The list, as the API counts it.
  const list = await api("GET", "/admin/loyalty/code-batches?limit=20")
  await page.goto(`${base}/app/loyalty/codes`)
  const root = page.locator('[data-loyalty-page="codes"]')
  await root.getByRole("heading", { name: tr("codes.title"), exact: true }).waitFor({ timeout: 60000 })
  await root.getByTestId("batches-table").waitFor({ timeout: 30000 })
  see("count", squash(await root.getByTestId("batches-count").innerText()), tr("codes.list.count", { count: list.count, n: number(lang, list.count) }))
  await shot("codes")

  // The form: nothing typed is refused at the name and the quantity; nothing sent.
  let posted = 0
  const count = (req) => {
    if (req.url().endsWith("/admin/loyalty/code-batches") && req.method() === "POST") posted++
  }
  page.on("request", count)
  await root.getByTestId("batch-create").click()
  const form = page.getByTestId("batch-form")
  await form.waitFor()
  await page.locator("#batch-name").waitFor({ timeout: 30000 })
  await page.getByTestId("batch-form-submit").click()
  for (const id of ["batch-name", "batch-value", "batch-quantity"]) {
    const error = page.locator(`#${id}-error`)
    await error.waitFor({ timeout: 10000 })
    see(`#${id}'s error`, (await error.innerText()).trim(), tr("common.validation.required"))
  }
  await page.waitForTimeout(300)
  see("requests from an empty form", posted, 0)
  await shot("batch-form-errors", { fullPage: false })

  // The "valid until" picker: the shop's calendar (Jalali in Persian).
  await page.locator("#batch-ends-at button").first().click()
  const calendar = page.getByRole("dialog").last()
  await calendar.locator('[role="gridcell"]').first().waitFor({ timeout: 10000 })
  await shot("batch-form-date-picker", { fullPage: false })
  await page.keyboard.press("Escape")
  await calendar.locator('[role="gridcell"]').first().waitFor({ state: "detached", timeout: 10000 }).catch(() => {})

  // A small bulk batch: 15% off the order, capped, with a minimum basket.
  const stamp = String(Date.now()).slice(-6)
  const name = lang === "fa" ? `کدهای آزمایشی ${stamp}` : `Check batch ${stamp}`
  const cap = display === "toman" ? "50000" : "500000"
  const min = display === "toman" ? "200000" : "2000000"
  const toRial = (shown) => (display === "toman" ? `${shown}0` : shown)
  await page.fill("#batch-name", name)
  await page.fill("#batch-value", typed(lang, "15"))
  await page.fill("#batch-max-discount-irr", typed(lang, grouped(cap)))
  await page.fill("#batch-min-basket-irr", typed(lang, grouped(min)))
  await page.fill("#batch-prefix", "chk")
  await page.fill("#batch-quantity", typed(lang, String(QUANTITY)))
  await form.getByTestId("batch-scope").scrollIntoViewIfNeeded()
  await shot("batch-form", { fullPage: false })
  const answered = page.waitForResponse(
    (res) => res.url().endsWith("/admin/loyalty/code-batches") && res.request().method() === "POST",
    { timeout: 30000 }
  )
  await page.getByTestId("batch-form-submit").click()
  const res = await answered
  const body = await res.json()
  expect(res.ok(), `creating the batch answered ${res.status()}: ${body.message}`)
  page.off("request", count)
  see("requests from one click", posted, 1)
  const sent = res.request().postDataJSON()
  see(
    "sent",
    {
      name: sent.name,
      kind: sent.kind,
      discount_type: sent.discount_type,
      target: sent.target,
      value: sent.value,
      max_discount: sent.max_discount,
      min_basket: sent.min_basket,
      prefix: sent.prefix,
      quantity: sent.quantity,
    },
    {
      name,
      kind: "bulk",
      discount_type: "percentage",
      target: "order",
      value: "15",
      max_discount: { irr: toRial(cap) },
      min_basket: { irr: toRial(min) },
      prefix: "CHK",
      quantity: QUANTITY,
    }
  )
  const batch = body.code_batch
  say(`created ${batch.id} (${batch.status}, ${batch.issued}/${batch.quantity})`)

  // The batch page follows the codes being made, then shows them.
  await page.waitForURL(new RegExp(`/app/loyalty/codes/${batch.id}$`), { timeout: 30000 })
  const detail = page.locator('[data-loyalty-page="code-batch"]')
  await detail.locator('[data-testid="batch-detail"][data-status="active"]').waitFor({ timeout: 90000 })
  await detail.getByTestId("batch-codes-table").waitFor({ timeout: 30000 })
  see(
    "codes counted",
    squash(await detail.getByTestId("batch-codes-count").innerText()),
    tr("codes.detail.count", { count: QUANTITY, n: number(lang, QUANTITY) })
  )
  const codes = (await detail.getByTestId("batch-code").allInnerTexts()).map(squash)
  see("codes have the prefix and 9 characters", codes.filter((c) => !/^CHK[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{9}$/.test(c.replace("-", ""))), [])
  const discount = squash(await detail.getByTestId("batch-discount-text").innerText())
  const capShown = irr(ctx, toRial(cap), display)
  see("the discount names the cap", discount.includes(capShown), true)
  await shot("code-batch")

  // Searched by one code: that row alone.
  const one = codes[0]
  await detail.getByTestId("batch-codes-search").fill(one.slice(0, 8))
  await page.waitForFunction(
    (code) => {
      const rows = [...document.querySelectorAll('[data-testid="batch-code"]')].map((e) => e.textContent.trim())
      return rows.length >= 1 && rows.every((r) => r.startsWith(code))
    },
    one.slice(0, 8),
    { timeout: 15000 }
  )
  await shot("code-batch-search", { fullPage: false })
  await detail.getByTestId("batch-codes-search").fill("")

  // The export: the link downloads the CSV with every code.
  const href = await detail.getByTestId("batch-export").getAttribute("href")
  see("export link", href, `/admin/loyalty/code-batches/${batch.id}/export`)
  const csv = await page.request.get(`${base}${href}`)
  const text = await csv.text()
  const lines = text.trim().split(/\r?\n/)
  see("export status", csv.status(), 200)
  see("export lines (header + codes)", lines.length, QUANTITY + 1)
  see("export header", lines[0], "code,customer_id,expires_at,used,order_id")

  // Disabled behind a prompt.
  await detail.getByTestId("batch-disable").click()
  const prompt = page.getByRole("alertdialog")
  await prompt.waitFor()
  await shot("code-batch-disable-prompt", { fullPage: false })
  await prompt.getByRole("button", { name: tr("codes.disable.confirm"), exact: true }).click()
  await detail.locator('[data-testid="batch-detail"][data-status="disabled"]').waitFor({ timeout: 30000 })
  const after = await api("GET", `/admin/loyalty/code-batches/${batch.id}`)
  see("status after disabling", after.code_batch.status, "disabled")
  say(`${QUANTITY} codes made, exported (${lines.length - 1} lines) and disabled`)

  if (failures.length) {
    throw new Error(`codes (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkCodes }

if (require.main === module) {
  runAlone(checkCodes, "codes")
}
