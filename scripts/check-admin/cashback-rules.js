// The Cashback rules page in the admin's language (ctx.lang), by clicks and
// typing: the issue's rule "5% on coffee, min 1,000,000 Toman, cap 200,000
// Toman, 30 days" created in the form with the names shoppers read in
// Persian and English (amounts typed as a shop owner types them: Toman,
// grouped, Persian digits in Persian), with a 150% rate refused at its field
// first; the saved rule read back through the admin API (min 10,000,000 and
// cap 2,000,000 IRR: the form's Toman are tenfold in Rial; the names as
// typed); its summary and shopper names in the list; edited (a boost: the
// names shown again, not sent back), duplicated, disabled, the copy
// deleted after a confirmation, found by the search; the clawback setting
// kept after a reload. The store is put back as it was. The "cashback
// rules" step of `npm run check:admin`; rule-edit.js shares the helpers.
//
// "30 days" is the rule's expiry: unspent cashback lapses 30 days after it
// becomes spendable (`expires_after_days`), as the demo's own rules use it;
// the cashback is spendable at once (release "placed", the form's default).
const path = require("path")
const { adminJson, BASE, defaultSay, expect, OUT } = require("./lib")

// Rules the check creates carry this prefix; it deletes them (and any left
// by an interrupted run) when done.
const CHECK_RULE = "Check rule"

/** The Intl locale the admin formats with (src/admin/lib/i18n.ts). */
const LOCALE = { en: "en-GB", fa: "fa-IR-u-ca-persian-nu-arabext", ar: "ar-EG-u-nu-arab" }

const number = (lang, value) =>
  new Intl.NumberFormat(LOCALE[lang] ?? LOCALE.en, { maximumFractionDigits: 20 }).format(
    String(value)
  )

/** Digits as a shop owner types them in `lang`: "1,000" -> "۱٬۰۰۰" in Persian. */
const typed = (lang, text) =>
  lang === "fa" ? text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]).replace(/,/g, "٬") : text

/** Latin digits as the admin's number and money inputs show them (src/admin/lib/amounts.ts localDigits). */
const localDigits = (lang, text) => {
  const digits = { fa: "۰۱۲۳۴۵۶۷۸۹", ar: "٠١٢٣٤٥٦٧٨٩" }[lang]
  return digits
    ? text.replace(/\d/g, (d) => digits[d]).replace(/,/g, "٬").replace(/\./g, "٫")
    : text
}

const grouped = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/** An API amount in rial as the shop's unit shows it. */
const shownAmount = (rial, display) =>
  display === "toman" ? (BigInt(rial) / 10n).toString() : String(rial)

/** An IRR amount as the admin writes it: "۱٬۰۰۰٬۰۰۰ تومان". */
const irr = (ctx, rial, display) =>
  `${number(ctx.lang, shownAmount(rial, display))} ${ctx.tr(`common.units.${display}`)}`

/** The same names shoppers read, whatever the keys' order. */
const sameNames = (a, b) =>
  ["fa", "en"].every((lang) => (a?.[lang] ?? null) === (b?.[lang] ?? null)) &&
  Object.keys(a ?? {}).length === Object.keys(b ?? {}).length

/** Text as read: spaces squashed, bidi marks dropped. */
const squash = (text) => text.replace(/[\u2066-\u2069\u2063]/g, "").replace(/\s+/g, " ").trim()

const shot = (page, ctx, name, options = {}) =>
  ctx.shot
    ? ctx.shot(name, options)
    : page.screenshot({ path: path.join(OUT, `${name}-${ctx.lang}.png`), ...options })

/** The list row of the rule named `name`. */
const ruleRow = (page, name) =>
  page
    .locator('[data-loyalty-page="cashback-rules"] tbody tr')
    .filter({ has: page.getByTestId("cashback-rule-name").getByText(name, { exact: true }) })

/** A row's menu action: "edit", "duplicate", "toggle" or "delete". */
async function ruleAction(page, name, action) {
  await ruleRow(page, name).getByTestId("rule-actions").click()
  await page.getByTestId(`rule-action-${action}`).click()
}

/** Opens the page and waits for its list. */
async function openRules(page, base) {
  await page.goto(`${base}/app/loyalty/cashback-rules`)
  await page.getByTestId("cashback-rules-table").waitFor({ timeout: 120000 })
}

/** Chooses an option of a shared SelectField by its label. */
async function choose(page, id, label) {
  await page.locator(`#${id}`).click()
  await page.getByRole("option", { name: label, exact: true }).click()
}

/** Picks records in a shared picker (MultiSelect): searched by name, as a shop owner finds one. */
async function pick(page, id, names) {
  await page.locator(`#${id}`).click()
  const search = page.locator('[data-radix-popper-content-wrapper] input[type="search"]')
  for (const name of names) {
    await search.fill(name)
    await page.getByRole("option", { name, exact: true }).click()
  }
  await page.keyboard.press("Escape")
}

/** Types an amount as the shop counts it: its unit, grouped, the admin's digits. */
async function typeAmount(page, ctx, id, rial, display) {
  await page.locator(`#${id}`).fill("")
  await page
    .locator(`#${id}`)
    .pressSequentially(typed(ctx.lang, grouped(shownAmount(rial, display))))
}

/** Submits the rule form; the POST's status, answer and the body it sent. */
async function submitRule(page) {
  const answered = page.waitForResponse(
    (res) =>
      /\/admin\/loyalty\/cashback-rules(\/[^/?]+)?(\?|$)/.test(res.url()) &&
      res.request().method() === "POST"
  )
  await page.getByTestId("rule-form-submit").click()
  const res = await answered
  return {
    status: res.status(),
    answer: await res.json().catch(() => ({})),
    sent: res.request().postDataJSON() ?? {},
  }
}

async function deleteCheckRules(page, base) {
  const { cashback_rules } = await adminJson(page, "GET", "/admin/loyalty/cashback-rules?limit=200")
  for (const rule of cashback_rules.filter((r) => r.name.startsWith(CHECK_RULE))) {
    await adminJson(page, "DELETE", `/admin/loyalty/cashback-rules/${rule.id}`)
  }
}

async function checkCashbackRules(page, ctx) {
  const say = ctx.say ?? defaultSay
  const base = ctx.base ?? BASE
  const tr = ctx.tr
  const { settings } = await adminJson(page, "GET", "/admin/loyalty/settings")
  // The issue's amounts are in Toman: the check runs with the Toman display.
  const display = "toman"
  // Digits only: a Persian name with a dashed date in it reorders when shown.
  const stamp = new Date().toISOString().slice(0, 19).replace(/\D/g, "")
  const name =
    ctx.lang === "fa"
      ? `${CHECK_RULE} ${stamp} ۵٪ روی قهوه`
      : `${CHECK_RULE} ${stamp} 5% on coffee`
  // The names shoppers read, typed beside the shop's own name.
  const shopperNames = { fa: `۵٪ کش‌بک قهوه ${stamp}`, en: `5% back on coffee ${stamp}` }
  try {
    await deleteCheckRules(page, base)
    if (settings.money_display !== display) {
      await adminJson(page, "POST", "/admin/loyalty/settings", { money_display: display })
    }
    await openRules(page, base)
    await page.getByRole("link", { name: tr("common.nav.rules") }).first().waitFor()
    const rows = await page.getByTestId("cashback-rule-name").count()
    await shot(page, ctx, "cashback-rules")
    say(`cashback rules listed: ${rows}`)

    // The demo's coffee category, picked by name in the form.
    const { product_categories } = await adminJson(
      page,
      "GET",
      "/admin/product-categories?handle=coffee&fields=id,name"
    )
    const coffee = product_categories[0]
    expect(coffee, "The demo store has no coffee category: seed the demo data")

    // The issue's rule. First a 150% rate: refused at the field, in words.
    await page.getByTestId("cashback-rule-create").click()
    const form = page.getByTestId("rule-form")
    await form.waitFor()
    await page.locator("#rule-name").waitFor()
    await page.fill("#rule-name", name)
    await page.fill("#rule-value", typed(ctx.lang, "150"))
    await page.getByTestId("rule-form-submit").click()
    const valueError = page.locator("#rule-value-error")
    await valueError.waitFor({ timeout: 30000 })
    const refused = squash(await valueError.innerText())
    expect(
      refused === squash(tr("common.validation.percentRange")),
      `150% is refused with "${refused}", not the words of common.validation.percentRange`
    )
    expect(
      (await page.locator('[data-field="rule-value"] [role="alert"]').count()) === 1,
      "The 150% error is not at the rate field"
    )
    expect(await form.isVisible(), "The form closed on a refused rate")
    await page.locator("#rule-value").scrollIntoViewIfNeeded()
    await shot(page, ctx, "cashback-rule-form-error", { fullPage: false })
    say(`150% refused at the rate field: ${refused}`)

    // 5% on coffee, min 1,000,000 Toman, cap 200,000 Toman, expiring after 30 days.
    await page.fill("#rule-value", typed(ctx.lang, "5"))
    await valueError.waitFor({ state: "detached" })
    await choose(page, "rule-currency", "IRR")
    await typeAmount(page, ctx, "rule-min-subtotal", "10000000", display)
    await typeAmount(page, ctx, "rule-max-amount", "2000000", display)
    const unit = squash(await page.locator('[data-field="rule-min-subtotal"] [data-unit]').innerText())
    expect(unit === tr(`common.units.${display}`), `The minimum is not typed in Toman: ${unit}`)
    if (ctx.lang === "fa") {
      const words = squash(
        await page.locator('[data-field="rule-min-subtotal"] [data-amount-words]').innerText()
      )
      expect(words === "یک میلیون تومان", `The minimum in words reads "${words}"`)
      say(`minimum in words: ${words}`)
    }
    await pick(page, "rule-categories", [coffee.name])
    await page.fill("#rule-expires", typed(ctx.lang, "30"))
    await page.fill("#rule-name-fa", shopperNames.fa)
    await page.fill("#rule-name-en", shopperNames.en)
    for (const [id, dir] of [["#rule-name-fa", "rtl"], ["#rule-name-en", "ltr"]]) {
      const got = await page.getAttribute(id, "dir")
      expect(got === dir, `${id} is written ${got}, not ${dir}`)
    }
    await page.locator("#rule-name").scrollIntoViewIfNeeded()
    await shot(page, ctx, "cashback-rule-form-names", { fullPage: false })
    await page.locator("#rule-value").scrollIntoViewIfNeeded()
    await shot(page, ctx, "cashback-rule-form", { fullPage: false })
    await page.locator("#rule-categories").scrollIntoViewIfNeeded()
    await shot(page, ctx, "cashback-rule-form-scope", { fullPage: false })
    const created = await submitRule(page)
    expect(
      created.status === 201,
      `Creating the rule answered ${created.status}: ${created.answer.message}`
    )
    await form.waitFor({ state: "detached", timeout: 30000 })

    // The API has the rule as typed, in Rial.
    const id = created.answer.cashback_rule.id
    const { cashback_rule: saved } = await adminJson(
      page,
      "GET",
      `/admin/loyalty/cashback-rules/${id}`
    )
    const want = {
      type: "percent",
      value: "5",
      currency_code: "irr",
      min_subtotal: "10000000",
      max_amount: "2000000",
      expires_after_days: 30,
      release: "placed",
      category_ids: [coffee.id],
    }
    const got = { ...saved, category_ids: saved.scope?.category_ids }
    for (const [field, value] of Object.entries(want)) {
      expect(
        JSON.stringify(got[field]) === JSON.stringify(value),
        `The saved rule's ${field} is ${JSON.stringify(got[field])}, not ${JSON.stringify(value)}`
      )
    }
    // Each as typed (a JSON column need not keep the keys' order).
    expect(
      sameNames(saved.names, shopperNames),
      `The saved rule's names are ${JSON.stringify(saved.names)}, not ${JSON.stringify(shopperNames)}`
    )
    say(
      `created through the form: min ${saved.min_subtotal} IRR, cap ${saved.max_amount} IRR, ` +
        `${saved.value}% on ${coffee.name}, expires after ${saved.expires_after_days} days, ` +
        `shoppers read "${saved.names.fa}" / "${saved.names.en}"`
    )

    // The list says it in the admin's words.
    const row = ruleRow(page, name)
    await row.waitFor({ timeout: 30000 })
    const separator = tr("rules.summary.separator")
    const summary =
      tr("rules.summary.percentOn", {
        rate: `${number(ctx.lang, 5)}${tr("common.units.percent")}`,
        scope: coffee.name,
      }) +
      separator +
      tr("rules.summary.min", { amount: irr(ctx, "10000000", display) }) +
      separator +
      tr("rules.summary.cap", { amount: irr(ctx, "2000000", display) })
    const shown = squash(await row.getByTestId("cashback-rule-summary").innerText())
    expect(shown === squash(summary), `The row says "${shown}", not "${squash(summary)}"`)
    const expiry = squash(await row.getByTestId("cashback-rule-expiry").innerText())
    const wantExpiry = tr("rules.expiry.after", { count: 30, n: number(ctx.lang, 30) })
    expect(expiry === squash(wantExpiry), `The row's expiry says "${expiry}"`)
    // Under the rule's name, the names shoppers read: the admin's language first.
    const inOrder = ctx.lang === "en" ? [shopperNames.en, shopperNames.fa] : [shopperNames.fa, shopperNames.en]
    const wantNames = squash(tr("rules.list.shopperNames", { names: inOrder.join(tr("common.separator")) }))
    const listedNames = squash(await row.getByTestId("cashback-rule-shopper-names").innerText())
    expect(listedNames === wantNames, `The row's shopper names say "${listedNames}", not "${wantNames}"`)
    say(`listed as: ${shown}; ${expiry}; ${listedNames}`)

    // Edited: a x2 boost shows under the summary.
    await ruleAction(page, name, "edit")
    await form.waitFor()
    for (const [id, value] of [["#rule-name-fa", shopperNames.fa], ["#rule-name-en", shopperNames.en]]) {
      const got = await page.inputValue(id)
      expect(got === value, `Editing shows ${id} "${got}", not "${value}"`)
    }
    await page.locator("#rule-multiplier").click()
    await page.fill("#rule-multiplier-value", typed(ctx.lang, "2"))
    const edited = await submitRule(page)
    expect(edited.status === 200, `Editing answered ${edited.status}: ${edited.answer.message}`)
    // An edit sends what changed only.
    const sentKeys = Object.keys(edited.sent).sort().join(",")
    expect(sentKeys === "multiplier", `The boost edit sent ${sentKeys}, not only the multiplier`)
    expect(
      sameNames(edited.answer.cashback_rule?.names, shopperNames),
      `After the boost edit the names are ${JSON.stringify(edited.answer.cashback_rule?.names)}`
    )
    await form.waitFor({ state: "detached", timeout: 30000 })
    const boost = squash(
      tr("rules.summary.multiplier", {
        value: number(ctx.lang, 2),
        window: tr("rules.window.always"),
      })
    )
    await row.getByText(boost, { exact: true }).waitFor({ timeout: 30000 })
    say(`edited: ${boost}`)

    // Duplicated: the copy is inactive.
    const copyName = tr("rules.copyName", { name })
    await ruleAction(page, name, "duplicate")
    const copy = ruleRow(page, copyName)
    await copy.waitFor({ timeout: 30000 })
    const copyStatus = squash(await copy.getByTestId("cashback-rule-status").innerText())
    expect(copyStatus === tr("common.states.inactive"), `The copy is "${copyStatus}"`)
    say(`duplicated: ${copyName} (${copyStatus})`)

    // Disabled.
    await ruleAction(page, name, "toggle")
    await row
      .getByTestId("cashback-rule-status")
      .getByText(tr("common.states.inactive"), { exact: true })
      .waitFor({ timeout: 30000 })
    say("disabled: the rule shows inactive")

    // The search finds both by name, and nothing for a name no rule has.
    const search = page.getByTestId("cashback-rules-search")
    await search.fill(stamp)
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="cashback-rule-name"]').length === 2,
      null,
      { timeout: 30000 }
    )
    await shot(page, ctx, "cashback-rules-search")
    await search.fill(`${stamp} none`)
    await page
      .getByText(tr("rules.list.noMatches"), { exact: true })
      .waitFor({ timeout: 30000 })
    await search.fill("")
    await row.waitFor({ timeout: 30000 })
    say("search: both check rules by name, none for another name")

    // Delete asks first.
    await ruleAction(page, copyName, "delete")
    await page.getByRole("button", { name: tr("common.actions.delete"), exact: true }).click()
    await copy.waitFor({ state: "detached", timeout: 30000 })
    await shot(page, ctx, "cashback-rules-after")
    say("deleted the copy after the confirmation")

    // A fixed amount finer than the currency counts (0.05 Toman is half a
    // rial) is refused at its field; what only the API can know (a
    // collection deleted while the form was open) comes back as a code and
    // shows at its field, in words.
    const { collection } = await adminJson(page, "POST", "/admin/collections", {
      title: `${CHECK_RULE} ${stamp} collection`,
    })
    let collectionGone = false
    try {
      ctx.expectConsoleError?.(/status of 400/)
      await page.getByTestId("cashback-rule-create").click()
      await form.waitFor()
      await page.locator("#rule-name").waitFor()
      await page.fill("#rule-name", `${name} (fixed)`)
      await choose(page, "rule-type", tr("rules.form.type.fixed"))
      await choose(page, "rule-currency", "IRR")
      await page.locator("#rule-value").pressSequentially(typed(ctx.lang, "0.05"))
      await page.getByTestId("rule-form-submit").click()
      const fine = squash(await page.locator("#rule-value-error").innerText())
      const wantFine = tr("common.validation.amountPrecision", { digits: number(ctx.lang, 1) })
      expect(fine === squash(wantFine), `0.05 Toman is refused with "${fine}"`)
      say(`0.05 Toman refused at the amount: ${fine}`)
      await page.locator("#rule-value").fill("")
      await typeAmount(page, ctx, "rule-value", "500000", display)
      await pick(page, "rule-collections", [collection.title])
      await adminJson(page, "DELETE", `/admin/collections/${collection.id}`)
      collectionGone = true
      const refusedByApi = await submitRule(page)
      expect(
        refusedByApi.status === 400 && refusedByApi.answer.code === "loyalty_unknown_collections",
        `A deleted collection was answered ${refusedByApi.status} ${refusedByApi.answer.code}`
      )
      const apiError = squash(await page.locator("#rule-collections-error").innerText())
      expect(
        apiError === squash(tr("errors.loyalty_unknown_collections")),
        `The API's loyalty_unknown_collections shows at the collections as "${apiError}"`
      )
      await page.locator("#rule-collections").scrollIntoViewIfNeeded()
      await shot(page, ctx, "cashback-rule-form-api-error", { fullPage: false })
      say(`the API's loyalty_unknown_collections shown at the collections: ${apiError}`)
      await page.keyboard.press("Escape")
      await form.waitFor({ state: "detached" })
    } finally {
      if (!collectionGone) {
        await adminJson(page, "DELETE", `/admin/collections/${collection.id}`).catch(() => {})
      }
    }

    // The clawback strategy survives a reload.
    const current = settings.clawback_strategy
    const next = current === "force_negative" ? "skip" : "force_negative"
    await page.getByTestId(`clawback-${next}`).click()
    const answered = page.waitForResponse(
      (res) => res.url().includes("/admin/loyalty/settings") && res.request().method() === "POST"
    )
    await page.getByTestId("loyalty-settings-save").click()
    expect((await answered).status() === 200, "Saving the clawback setting failed")
    await page.getByText(tr("common.states.saved"), { exact: true }).first().waitFor()
    await page.reload()
    await page
      .locator(`[data-testid="clawback-${next}"][aria-checked="true"]`)
      .waitFor({ timeout: 60000 })
    await page.getByTestId("loyalty-settings").scrollIntoViewIfNeeded()
    await shot(page, ctx, "loyalty-settings")
    say(`clawback strategy ${current} -> ${next}: kept after a reload`)
  } finally {
    // Leave the demo store as it was (best effort: a failure here must not
    // hide the check's own).
    try {
      await adminJson(page, "POST", "/admin/loyalty/settings", {
        clawback_strategy: settings.clawback_strategy,
        money_display: settings.money_display,
      })
      await deleteCheckRules(page, base)
    } catch (error) {
      say(
        `(cleanup after the rules check failed: ${error.message.split("\n")[0]}; run again to clean up)`
      )
    }
  }
}

module.exports = {
  CHECK_RULE,
  checkCashbackRules,
  choose,
  irr,
  localDigits,
  number,
  openRules,
  pick,
  ruleAction,
  ruleRow,
  shot,
  shownAmount,
  squash,
  submitRule,
  typed,
}
