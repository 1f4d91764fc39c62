// The Till keys page in the admin's language (ctx.lang): a key created by
// clicks and typing (the empty form's errors at their fields at once first),
// its secret shown once with its copy button and usable by a till, found by
// the search, then revoked behind a prompt. Part of the "pos" step (pos.js).
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { BASE, expect } = require("./lib")

// Till keys the check creates carry this name. Keys are never deleted
// (purchases point at them), so each run leaves revoked rows.
const CHECK_TILL = { en: "Check till", fa: "صندوق بررسی" }
const CHECK_LOCATION = { en: "Check shop, Enghelab St", fa: "فروشگاه بررسی، خیابان انقلاب" }

/** Data in a translated string, isolated as the admin does it (isolate.ts). */
const isolate = (text) => `\u2068${text}\u2069`

/** A toast with this text (Medusa's toasts are sonner's). */
const toast = (page, text) => page.locator("[data-sonner-toast]").filter({ hasText: text })

/** A till's request with a key, as the dialog tells shops to send it. */
async function tillLookup(key, phone) {
  const res = await fetch(`${BASE}/pos/loyalty/members?phone=${encodeURIComponent(phone)}`, {
    headers: { "x-pos-key": key },
  })
  return res.status
}

async function checkPosKeys(page, ctx) {
  const { tr, say, shot } = ctx
  const lang = ctx.lang === "fa" ? "fa" : "en"
  const name = `${CHECK_TILL[lang]} ${new Date().toISOString().slice(11, 19)}`
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE })
  await page.goto(`${BASE}/app/loyalty/pos-keys`)
  await page.locator('[data-loyalty-page="till-keys"]').waitFor({ timeout: 60000 })
  const rows = page.locator('[data-testid="pos-keys-table"] tbody tr')
  await rows.first().waitFor({ timeout: 60000 })
  say(`till keys listed: ${await rows.count()}`)

  // An empty form: both missing fields say so at once, nothing is sent.
  await page.getByTestId("pos-key-create").click()
  const form = page.getByTestId("pos-key-form")
  await form.waitFor()
  await page.getByTestId("pos-key-form-submit").click()
  const required = tr("common.validation.required")
  for (const id of ["pos-key-name", "pos-key-location"]) {
    const error = page.locator(`#${id}-error`)
    await error.waitFor({ timeout: 10000 })
    expect((await error.innerText()).trim() === required, `#${id}: ${await error.innerText()}`)
  }
  await shot("pos-key-form-errors")

  // Filled in the admin's language, redeem added to the default scopes.
  await page.fill("#pos-key-name", name)
  await page.fill("#pos-key-location", CHECK_LOCATION[lang])
  expect(!(await page.locator("#pos-key-name-error").count()), "The name's error stayed after typing")
  await page.locator("#pos-key-scopes").click()
  await page.getByRole("option", { name: tr("till.scopes.label.redeem") }).click()
  await page.keyboard.press("Escape")
  await page.getByRole("listbox").waitFor({ state: "hidden" })
  await shot("pos-key-form")
  const answered = page.waitForResponse(
    (res) => res.url().endsWith("/admin/loyalty/pos-keys") && res.request().method() === "POST"
  )
  const createdToast = toast(page, tr("till.form.toast", { name: isolate(name) })).waitFor({ timeout: 30000 })
  await page.getByTestId("pos-key-form-submit").click()
  const sent = (await answered).request().postDataJSON()
  expect(
    JSON.stringify(sent) ===
      JSON.stringify({ name, location: CHECK_LOCATION[lang], scopes: ["lookup", "earn", "redeem"] }),
    `The form sent ${JSON.stringify(sent)}`
  )

  // The secret, once, with how a till sends it; the copy button copies it.
  const dialog = page.getByTestId("pos-key-created")
  await dialog.waitFor({ timeout: 30000 })
  const key = (await page.getByTestId("pos-key-secret").innerText()).trim()
  expect(key.length >= 20, `The dialog shows no key: ${key}`)
  expect((await dialog.innerText()).includes(tr("till.created.description")), "The dialog does not warn")
  expect(
    (await page.getByTestId("pos-key-header").innerText()).trim() === `x-pos-key: ${key}`,
    "The dialog does not show the header"
  )
  await createdToast
  const copiedToast = toast(page, tr("till.created.copied")).waitFor({ timeout: 30000 })
  await page.getByTestId("pos-key-copy").click()
  await copiedToast
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied === key, `The copy button copied ${copied}`)
  await page.waitForTimeout(300) // the dialog animates
  await shot("pos-key-created")
  say(`created "${name}": key ${key.slice(0, 12)}… shown once, copied`)
  await page.getByTestId("pos-key-created-done").click()
  await dialog.waitFor({ state: "detached", timeout: 30000 })

  const row = page
    .locator('[data-testid="pos-keys-table"] tbody tr')
    .filter({ has: page.locator(`[data-testid="pos-key-name"][data-name="${name}"]`) })
  await row.locator('[data-testid="pos-key-status"][data-status="active"]').waitFor({ timeout: 30000 })
  expect(
    (await row.getByTestId("pos-key-status").innerText()).trim() === tr("till.keys.status.active"),
    "The new key's status is not shown as active"
  )
  expect(!(await page.getByText(key).count()), "The key is still on the page after the dialog closed")
  const before = await tillLookup(key, DEMO_CUSTOMERS[0].phone)
  expect(before === 200, `A till with the new key got ${before}`)

  // The search finds it alone; cleared, every key is back.
  const listed = await rows.count()
  const rowsAre = (n) =>
    page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="pos-keys-table"] tbody tr').length === n,
      n,
      { timeout: 10000 }
    )
  await page.getByPlaceholder(tr("till.keys.search")).fill(name)
  await rowsAre(1)
  await page.getByPlaceholder(tr("till.keys.search")).fill("")
  await rowsAre(listed)

  // Revoked behind a prompt.
  await row.getByTestId("pos-key-actions").click()
  await page.getByTestId("pos-key-revoke").click()
  const revokedToast = toast(page, tr("till.keys.revoke.toast", { name: isolate(name) })).waitFor({ timeout: 30000 })
  await page.getByRole("button", { name: tr("till.keys.revoke.confirm"), exact: true }).click()
  await row.locator('[data-testid="pos-key-status"][data-status="revoked"]').waitFor({ timeout: 30000 })
  await revokedToast
  const after = await tillLookup(key, DEMO_CUSTOMERS[0].phone)
  expect(after === 401, `A till with the revoked key got ${after}`)
  say(`till lookup with the key: ${before}; after revoking: ${after}`)
  await shot("pos-keys")
}

module.exports = { checkPosKeys }
