#!/usr/bin/env node
// The till and kiosk settings on the Till keys page, in the admin's language
// (ctx.lang), as a shop owner uses them. The "At the till" panel: the SMS
// code switch and the largest purchase per currency (typed grouped, in the
// admin's digits, in the shop's unit: Toman or Rial) saved together, the
// save sending those two settings alone. The "Joining at the kiosk" panel:
// two countries picked by search, both limits typed in the admin's digits,
// the proxy switch and a welcome credit, saved together. The page reloaded
// shows each one kept and the API holds them; each save sent its panel's
// changed settings and no other. Then refused values: a limit of 0 and one
// over the maximum at once, each said at its field and nothing sent; a
// largest purchase of 0 likewise. The settings are put back as they were.
//
// Runs as the "till settings" step of `npm run check:admin`.
const { adminApi, BASE, expect } = require("./lib")
const { grouped, number, typed } = require("./pos")

const URL = "/admin/loyalty/settings"
const TILL_FIELDS = ["pos_redeem_requires_code", "pos_max_purchase"]
const KIOSK_FIELDS = [
  "signup_countries",
  "signup_hourly_cap",
  "signup_per_address_limit",
  "signup_behind_proxy",
  "signup_bonus",
]
const FIELDS = [...TILL_FIELDS, ...KIOSK_FIELDS]

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const sortedKeys = (o) => Object.keys(o).sort().join(", ")

async function checkTillSettings(page, ctx) {
  const { tr, say, shot, lang } = ctx
  const base = ctx.base ?? BASE
  const api = adminApi(page, base)
  const read = async () => (await api("GET", URL)).settings
  const original = await read()
  const display = original.money_display
  // An amount typed in the shop's unit, as the API keeps it (IRR in rial).
  const apiAmount = (currency, shown) => (currency === "irr" && display === "toman" ? `${shown}0` : shown)
  const failures = []
  const till = page.getByTestId("till-settings")
  const kiosk = page.getByTestId("kiosk-settings")

  const open = async () => {
    await page.goto(`${base}/app/loyalty/pos-keys`)
    await page.locator("#till-signup-hourly-cap").waitFor({ timeout: 60000 })
  }
  const checked = async (id) => (await page.locator(`#${id}`).getAttribute("aria-checked")) === "true"
  const setSwitch = async (id, on) => {
    if ((await checked(id)) !== on) await page.locator(`#${id}`).click()
  }
  const value = (id) => page.locator(`#${id}`).inputValue()
  /** Clicks a panel's save; the body it sent, or null when nothing was sent. */
  const save = async (testId) => {
    const answered = page
      .waitForResponse((res) => res.url().endsWith(URL) && res.request().method() === "POST", { timeout: 3000 })
      .catch(() => null)
    await page.getByTestId(testId).click()
    const res = await answered
    if (!res) return null
    expect(res.status() < 400, `${testId}: the API answered ${res.status()}`)
    return res.request().postDataJSON()
  }
  /** Picks a country in the countries picker by its code. */
  const pickCountry = async (code) => {
    await page.locator("#till-signup-countries").click()
    await page.getByPlaceholder(tr("common.picker.search")).fill(code)
    await page.getByRole("option").filter({ hasText: `(${code})` }).click()
    await page.keyboard.press("Escape")
    await page.getByRole("listbox").waitFor({ state: "hidden" })
  }

  try {
    await open()
    const currencies = (
      await till.locator('input[id^="till-max-purchase-"]').evaluateAll((inputs) => inputs.map((i) => i.id))
    ).map((id) => id.replace("till-max-purchase-", ""))
    expect(currencies.length > 0, "The till panel shows no currency for the largest purchase")

    // New values, each different from what is stored; amounts as shown.
    const shownMax = currencies.map((c, i) => {
      const digits = i === 0 ? "50000000000" : "250000"
      return original.pos_max_purchase?.[c] === apiAmount(c, digits) ? `${digits.slice(0, -1)}1` : digits
    })
    const shownBonus = original.signup_bonus?.irr === apiAmount("irr", "50000") ? "60000" : "50000"
    const want = {
      pos_redeem_requires_code: !original.pos_redeem_requires_code,
      pos_max_purchase: Object.fromEntries(currencies.map((c, i) => [c, apiAmount(c, shownMax[i])]).sort()),
      signup_countries: same(original.signup_countries, ["AE", "IR"]) ? ["IR", "TR"] : ["AE", "IR"],
      signup_hourly_cap: original.signup_hourly_cap === 1200 ? 1300 : 1200,
      signup_per_address_limit: original.signup_per_address_limit === 25 ? 26 : 25,
      signup_behind_proxy: !original.signup_behind_proxy,
      signup_bonus: currencies.includes("irr") ? { irr: apiAmount("irr", shownBonus) } : original.signup_bonus,
    }

    // At the till: typed grouped, in the admin's digits.
    await setSwitch("till-redeem-requires-code", want.pos_redeem_requires_code)
    for (const [i, c] of currencies.entries()) {
      await page.fill(`#till-max-purchase-${c}`, typed(lang, grouped(shownMax[i])))
    }
    await till.scrollIntoViewIfNeeded()
    await shot("till-settings-edited")
    const saved = page
      .locator("[data-sonner-toast]")
      .filter({ hasText: tr("common.states.saved") })
      .first()
      .waitFor({ timeout: 30000 })
    const tillSent = await save("till-settings-save")
    expect(tillSent, "Saving the till panel sent nothing")
    if (sortedKeys(tillSent) !== [...TILL_FIELDS].sort().join(", ")) {
      failures.push(`the till panel sent ${sortedKeys(tillSent)}`)
    }
    for (const f of TILL_FIELDS) {
      if (!same(tillSent[f], want[f])) failures.push(`the till panel sent ${f} ${JSON.stringify(tillSent[f])}, not ${JSON.stringify(want[f])}`)
    }
    await saved

    // At the kiosk: countries by search, limits in the admin's digits.
    for (const code of want.signup_countries) await pickCountry(code)
    await page.fill("#till-signup-hourly-cap", typed(lang, String(want.signup_hourly_cap)))
    await page.fill("#till-signup-per-address", typed(lang, String(want.signup_per_address_limit)))
    await setSwitch("till-signup-behind-proxy", want.signup_behind_proxy)
    if (currencies.includes("irr")) await page.fill("#till-signup-bonus-irr", typed(lang, grouped(shownBonus)))
    await kiosk.scrollIntoViewIfNeeded()
    await shot("kiosk-settings-edited")
    const kioskSent = await save("kiosk-settings-save")
    expect(kioskSent, "Saving the kiosk panel sent nothing")
    const kioskChanged = KIOSK_FIELDS.filter((f) => !same(want[f], original[f]))
    if (sortedKeys(kioskSent) !== [...kioskChanged].sort().join(", ")) {
      failures.push(`the kiosk panel sent ${sortedKeys(kioskSent)}, not ${kioskChanged.join(", ")}`)
    }
    for (const f of kioskChanged) {
      if (!same(kioskSent[f], want[f])) failures.push(`the kiosk panel sent ${f} ${JSON.stringify(kioskSent[f])}, not ${JSON.stringify(want[f])}`)
    }

    // Kept: on the page after a reload, and through the API.
    await open()
    const shown = {
      requiresCode: await checked("till-redeem-requires-code"),
      max: await Promise.all(currencies.map((c) => value(`till-max-purchase-${c}`))),
      countries: await page.locator('[data-field="till-signup-countries"]').innerText(),
      hourly: await value("till-signup-hourly-cap"),
      perAddress: await value("till-signup-per-address"),
      proxy: await checked("till-signup-behind-proxy"),
      bonus: currencies.includes("irr") ? await value("till-signup-bonus-irr") : null,
    }
    // Inputs show digits in the admin's language, grouped amounts.
    const expected = {
      requiresCode: want.pos_redeem_requires_code,
      max: shownMax.map((a) => typed(lang, grouped(a))),
      hourly: typed(lang, String(want.signup_hourly_cap)),
      perAddress: typed(lang, String(want.signup_per_address_limit)),
      proxy: want.signup_behind_proxy,
      bonus: currencies.includes("irr") ? typed(lang, grouped(shownBonus)) : null,
    }
    for (const k of Object.keys(expected)) {
      if (!same(shown[k], expected[k])) failures.push(`after a reload ${k} shows ${JSON.stringify(shown[k])}, saved as ${JSON.stringify(expected[k])}`)
    }
    for (const code of want.signup_countries) {
      if (!shown.countries.includes(`(${code})`)) failures.push(`after a reload the countries do not show ${code}: ${shown.countries}`)
    }
    const after = await read()
    for (const f of FIELDS) {
      if (!same(after[f], want[f])) failures.push(`stored ${f} is ${JSON.stringify(after[f])}, not ${JSON.stringify(want[f])}`)
    }
    await till.scrollIntoViewIfNeeded()
    await shot("till-settings-saved")
    if (!failures.length) {
      say(`till and kiosk settings changed by clicks and typing, kept after a reload (${shownMax.map((a) => typed(lang, grouped(a))).join(" / ")} ${tr(`common.units.${display}`)})`)
    }

    // Refused at their fields, all at once, and nothing sent.
    await page.fill("#till-signup-hourly-cap", typed(lang, "0"))
    await page.fill("#till-signup-per-address", typed(lang, "20000"))
    const kioskRefused = await save("kiosk-settings-save")
    const kioskErrors = {
      "till-signup-hourly-cap": tr("common.validation.numberMin", { min: number(lang, 1) }),
      "till-signup-per-address": tr("common.validation.numberMax", { max: number(lang, 10000) }),
    }
    await page.fill(`#till-max-purchase-${currencies[0]}`, typed(lang, "0"))
    const tillRefused = await save("till-settings-save")
    const tillErrors = { [`till-max-purchase-${currencies[0]}`]: tr("common.validation.amountPositive") }
    if (kioskRefused || tillRefused) failures.push("a refused value was sent to the API")
    for (const [id, message] of Object.entries({ ...kioskErrors, ...tillErrors })) {
      const error = page.locator(`#${id}-error`)
      const text = (await error.count()) ? (await error.innerText()).trim() : ""
      if (text !== message) failures.push(`#${id} says "${text}", not "${message}"`)
      if ((await page.locator(`#${id}`).getAttribute("aria-invalid")) !== "true") failures.push(`#${id} is not marked invalid`)
    }
    await kiosk.scrollIntoViewIfNeeded()
    await shot("till-settings-refused")
    if (!same((await read()).signup_hourly_cap, want.signup_hourly_cap)) failures.push("a refused limit was stored")
    say(`refused at their fields, nothing sent: ${Object.values({ ...kioskErrors, ...tillErrors }).join(" | ")}`)
  } finally {
    await api("POST", URL, Object.fromEntries(FIELDS.map((k) => [k, original[k]])))
  }
  const restored = await read()
  const left = FIELDS.filter((k) => !same(restored[k], original[k]))
  if (left.length) failures.push(`not put back: ${left.join(", ")}`)
  if (failures.length) {
    throw new Error(`till settings (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkTillSettings }
