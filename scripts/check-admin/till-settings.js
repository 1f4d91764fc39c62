#!/usr/bin/env node
// The till and kiosk settings on the Till keys page, as a shop owner uses
// them. Every setting changed through the card in one save (amounts typed
// with thousands separators and in Persian digits, country codes in lower
// case): the save sends those six fields and no other, the page reloaded
// shows each one kept, and the settings read through the API hold them
// with every other setting unchanged. Then a refused value for each typed
// setting (hourly cap 0, per-device limit 20000, a country "Iran", a
// largest purchase of 0): the save sends that field alone, the API's 400
// shows under that field and nowhere else, and the stored value stays. The
// settings are put back as they were.
//
// Runs on its own against a running store:
//   node scripts/check-admin/till-settings.js [http://localhost:9000]
// and as the "till settings" step of `npm run check:admin`.
const path = require("path")
const {
  adminApi,
  defaultSay,
  differences,
  runAlone,
  saveAndWait,
  submitAndWait,
} = require("./lib")

const URL = "/admin/loyalty/settings"
const FIELDS = [
  "pos_redeem_requires_code",
  "pos_max_purchase",
  "signup_countries",
  "signup_hourly_cap",
  "signup_per_address_limit",
  "signup_behind_proxy",
]

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
const persian = (text) => text.replace(/\d/g, (d) => PERSIAN[Number(d)])
const grouped = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/**
 * @param page a logged-in Playwright page
 * @param base the store's URL
 * @param out the screenshots folder
 * @param say prints one line
 */
async function checkTillSettings(page, { base, out, say = defaultSay }) {
  const api = adminApi(page, base)
  const read = async () => (await api("GET", URL)).settings
  const original = await read()
  const failures = []
  const card = page.getByTestId("till-settings")
  const shot = (name) =>
    card.screenshot({ path: path.join(out, `till-settings-${name}.png`) })
  const open = async () => {
    await page.goto(`${base}/app/loyalty/pos-keys`)
    await page.locator("#till-signup-hourly-cap").waitFor({ timeout: 60000 })
  }
  const checked = async (id) =>
    (await page.locator(`#${id}`).getAttribute("aria-checked")) === "true"
  const setSwitch = async (id, on) => {
    if ((await checked(id)) !== on) await page.locator(`#${id}`).click()
  }
  const value = (id) => page.locator(`#${id}`).inputValue()

  try {
    await open()
    await card.scrollIntoViewIfNeeded()
    await shot("before")
    const currencies = (
      await card
        .locator('input[id^="till-max-purchase-"]')
        .evaluateAll((inputs) => inputs.map((i) => i.id))
    ).map((id) => id.replace("till-max-purchase-", ""))
    if (!currencies.length) {
      throw new Error("The card shows no currency for the largest purchase")
    }

    // New values, each different from what is stored.
    const stored = original.pos_max_purchase ?? {}
    const amounts = currencies.map((c, i) => {
      const digits = i === 0 ? "50000000000" : "250000"
      return stored[c] === digits ? `${digits.slice(0, -1)}1` : digits
    })
    const want = {
      pos_redeem_requires_code: !original.pos_redeem_requires_code,
      pos_max_purchase: Object.fromEntries(
        currencies.map((c, i) => [c, amounts[i]]).sort()
      ),
      signup_countries:
        JSON.stringify(original.signup_countries) === '["IR","AE"]'
          ? ["IR", "TR"]
          : ["IR", "AE"],
      signup_hourly_cap: original.signup_hourly_cap === 1200 ? 1300 : 1200,
      signup_per_address_limit:
        original.signup_per_address_limit === 25 ? 26 : 25,
      signup_behind_proxy: !original.signup_behind_proxy,
    }
    // Typed as a shop owner reads them: "50,000,000,000", "۲۵۰٬۰۰۰", "۲۵".
    const typed = {
      amounts: amounts.map((a, i) =>
        i === 0 ? grouped(a) : persian(grouped(a)).replace(/,/g, "٬")
      ),
      countries: want.signup_countries.join(", ").toLowerCase(),
      hourly: grouped(String(want.signup_hourly_cap)),
      perAddress: persian(String(want.signup_per_address_limit)),
    }
    await setSwitch("till-redeem-requires-code", want.pos_redeem_requires_code)
    for (const [i, c] of currencies.entries()) {
      await page.fill(`#till-max-purchase-${c}`, typed.amounts[i])
    }
    await page.fill("#till-signup-countries", typed.countries)
    await page.fill("#till-signup-hourly-cap", typed.hourly)
    await page.fill("#till-signup-per-address", typed.perAddress)
    await setSwitch("till-signup-behind-proxy", want.signup_behind_proxy)
    await shot("edited")
    const { sent } = await saveAndWait(page, "till-settings-save", URL)
    const sentKeys = Object.keys(sent).sort()
    if (JSON.stringify(sentKeys) !== JSON.stringify([...FIELDS].sort())) {
      failures.push(
        `the save sent ${sentKeys.join(", ")}, not the six edited settings`
      )
    }
    for (const field of FIELDS) {
      if (JSON.stringify(sent[field]) !== JSON.stringify(want[field])) {
        failures.push(
          `the save sent ${field} ${JSON.stringify(sent[field])}, typed as ${JSON.stringify(want[field])}`
        )
      }
    }

    // Kept: on the page after a reload, and through the API.
    await open()
    const shown = {
      pos_redeem_requires_code: await checked("till-redeem-requires-code"),
      amounts: await Promise.all(
        currencies.map((c) => value(`till-max-purchase-${c}`))
      ),
      countries: await value("till-signup-countries"),
      hourly: await value("till-signup-hourly-cap"),
      perAddress: await value("till-signup-per-address"),
      signup_behind_proxy: await checked("till-signup-behind-proxy"),
    }
    const expectedShown = {
      pos_redeem_requires_code: want.pos_redeem_requires_code,
      amounts: amounts.map(grouped),
      countries: want.signup_countries.join(", "),
      hourly: grouped(String(want.signup_hourly_cap)),
      perAddress: String(want.signup_per_address_limit),
      signup_behind_proxy: want.signup_behind_proxy,
    }
    for (const key of Object.keys(expectedShown)) {
      if (JSON.stringify(shown[key]) !== JSON.stringify(expectedShown[key])) {
        failures.push(
          `after a reload the card shows ${key} ${JSON.stringify(shown[key])}, saved as ${JSON.stringify(expectedShown[key])}`
        )
      }
    }
    const after = await read()
    for (const field of FIELDS) {
      if (JSON.stringify(after[field]) !== JSON.stringify(want[field])) {
        failures.push(
          `stored ${field} is ${JSON.stringify(after[field])}, not ${JSON.stringify(want[field])}`
        )
      }
    }
    for (const c of differences(
      original,
      after,
      new Set([...FIELDS, "updated_at"])
    )) {
      failures.push(
        `saving changed ${c.field}, which is not on the card: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`
      )
    }
    await card.scrollIntoViewIfNeeded()
    await shot("saved")
    if (!failures.length) {
      say(
        `till settings: all six changed on the card (${typed.amounts.join(" / ")}, "${typed.countries}", ${typed.hourly}, ${typed.perAddress}), kept after a reload`
      )
    }

    // Refused values: the API's 400 under the field, nothing stored.
    const refusals = [
      {
        field: "signup_hourly_cap",
        input: "#till-signup-hourly-cap",
        text: "0",
      },
      {
        field: "signup_per_address_limit",
        input: "#till-signup-per-address",
        text: "20,000",
      },
      {
        field: "signup_countries",
        input: "#till-signup-countries",
        text: "Iran",
      },
      {
        field: "pos_max_purchase",
        input: `#till-max-purchase-${currencies[0]}`,
        text: "0",
      },
    ]
    for (const r of refusals) {
      await open()
      await page.fill(r.input, r.text)
      const { status, sent, answer } = await submitAndWait(
        page,
        "till-settings-save",
        URL
      )
      const problems = []
      if (status !== 400) problems.push(`the API answered ${status}`)
      if (JSON.stringify(Object.keys(sent)) !== JSON.stringify([r.field])) {
        problems.push(`the save sent ${Object.keys(sent).join(", ")}`)
      }
      const error = page.getByTestId(`till-settings-error-${r.field}`)
      await error.waitFor({ timeout: 10000 }).catch(() => {})
      const message = (await error.count()) ? await error.innerText() : ""
      if (!message || message !== answer.message) {
        problems.push(
          `the field shows "${message}", the API said "${answer.message}"`
        )
      }
      const elsewhere = await card.locator('[role="alert"]').count()
      if (elsewhere !== 1) {
        problems.push(`${elsewhere} messages on the card, not one`)
      }
      const input = page.locator(r.input)
      if ((await input.getAttribute("aria-invalid")) !== "true") {
        problems.push("the input is not marked invalid")
      }
      await card.scrollIntoViewIfNeeded()
      await shot(`refused-${r.field}`)
      const stored = (await read())[r.field]
      if (JSON.stringify(stored) !== JSON.stringify(want[r.field])) {
        problems.push(`stored ${r.field} became ${JSON.stringify(stored)}`)
      }
      // Editing the field clears its message.
      await page.fill(r.input, "1")
      if (await error.count()) problems.push("the message stays after an edit")
      if (problems.length) {
        failures.push(`${r.field} "${r.text}": ${problems.join("; ")}`)
      } else {
        say(`till settings: ${r.field} "${r.text}" refused at its field: ${message}`)
      }
    }
  } finally {
    await api(
      "POST",
      URL,
      Object.fromEntries(FIELDS.map((k) => [k, original[k]]))
    )
  }
  const restored = await read()
  const left = FIELDS.filter(
    (k) => JSON.stringify(restored[k]) !== JSON.stringify(original[k])
  )
  if (left.length) failures.push(`not put back: ${left.join(", ")}`)
  if (failures.length) {
    throw new Error(`till settings:\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkTillSettings }

if (require.main === module) {
  runAlone(checkTillSettings)
}
