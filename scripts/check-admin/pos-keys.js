// The Till keys page: a key created, shown once, used by a till and
// revoked. Part of the "pos" step (pos.js).
const path = require("path")
const { DEMO_CUSTOMERS } = require("../../demo/constants")
const { BASE, expect, OUT, say } = require("./lib")

// Till keys the check creates carry this prefix. Keys are never deleted
// (purchases point at them), so each run leaves one revoked row.
const CHECK_TILL = "Check till"

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

module.exports = { checkPosKeys }
