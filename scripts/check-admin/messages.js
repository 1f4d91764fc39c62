// The SMS messages page, in the language of the run (ctx.lang): a wording
// refused at its field, saved with a variable put in by its chip, and reset
// behind a prompt; the SMS settings (a refused reminder day, the tier
// message's switch and quiet hours changed and kept after a reload, the money display followed by
// the examples); then Sara's message log (customer-messages.js). The
// "messages" step of `npm run check:admin`. Selects by ids, test ids and
// the translated names (ctx.tr), never by English text.
const { adminJson, BASE, expect } = require("./lib")
const { checkCustomerMessages } = require("./customer-messages")

// The message the check edits: Persian, so the right-to-left editor and
// the chips are exercised in both admin languages.
const CHECK_EVENT = "cashback_credited"
const CHECK_LOCALE = "fa"

const SMS_SETTINGS = [
  "sms_events",
  "reminder_days",
  "quiet_hours_start",
  "quiet_hours_end",
  "time_zone",
  "sender_line",
  "store_name",
  "default_locale",
  "money_display",
]
const smsSettingsOf = (settings) =>
  Object.fromEntries(SMS_SETTINGS.map((k) => [k, settings[k]]))

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
const persianDigits = (text) => text.replace(/\d/g, (d) => PERSIAN_DIGITS[d])

/** The part of a translated sentence before its first variable. */
const before = (ctx, key, variable, others = {}) =>
  ctx.tr(key, { ...others, [variable]: "\u0000" }).split("\u0000")[0]

/**
 * The page and its round trips. `ctx.settings`, when the runner read them
 * once before any step, are what the cleanup restores (a retried step must
 * not restore its own first try's change).
 */
async function checkMessages(page, ctx) {
  const say = ctx.say
  const settings =
    ctx.settings ?? (await adminJson(page, "GET", "/admin/loyalty/settings")).settings
  const { message_templates } = await adminJson(page, "GET", "/admin/loyalty/message-templates")
  const original = message_templates.find(
    (t) => t.event === CHECK_EVENT && t.locale === CHECK_LOCALE
  )
  const names = {
    locale: ctx.tr(`messages.locales.${CHECK_LOCALE}`),
    event: ctx.tr(`messages.events.${CHECK_EVENT}.label`),
  }
  try {
    await page.goto(`${BASE}/app/loyalty/messages`)
    const card = page.locator(
      `[data-testid="template-card"][data-event="${CHECK_EVENT}"][data-locale="${CHECK_LOCALE}"]`
    )
    await card.waitFor({ timeout: 60000 })
    await page.getByRole("heading", { name: ctx.tr("messages.page.title"), exact: true }).waitFor()
    await page.getByTestId("sms-settings").getByTestId("sms-events").waitFor({ timeout: 60000 })
    const cards = await page.getByTestId("template-card").count()
    say(`message templates listed: ${cards}`)
    expect(
      cards === message_templates.length,
      `Expected ${message_templates.length} templates (every event × 2 languages), got ${cards}`
    )
    expect(
      (await card.getByTestId("template-body").getAttribute("dir")) === "rtl",
      "The Persian wording is not shown right-to-left"
    )
    // Variables sit in their own left-to-right isolates inside the Persian text.
    const chips = await card
      .getByTestId("template-body")
      .locator('bdi[dir="ltr"]')
      .allInnerTexts()
    expect(
      chips.includes("{first_name}") && chips.includes("{amount}"),
      `The Persian wording's variables are not isolated: ${JSON.stringify(chips)}`
    )
    // The Persian example reads as the SMS does: Persian digits, Toman or Rial, Jalali.
    const example = await card.getByTestId("template-example").innerText()
    say(`Persian example: ${example}`)
    expect(
      /[۰-۹]/.test(example) &&
        !/\d/.test(example) &&
        example.includes(UNIT[settings.money_display]) &&
        !example.includes("{"),
      `The Persian example is not written as the SMS (${settings.money_display}): ${example}`
    )
    await ctx.shot("loyalty-messages")

    // A run interrupted after saving leaves the wording edited: start over.
    if ((await card.getByTestId("template-state").getAttribute("data-state")) === "edited") {
      await adminJson(page, "POST", "/admin/loyalty/message-templates", {
        event: CHECK_EVENT,
        locale: CHECK_LOCALE,
        body: null,
      })
      await page.reload()
      await card
        .locator('[data-testid="template-state"][data-state="default"]')
        .waitFor({ timeout: 60000 })
    }

    await checkTemplateEdit(page, ctx, card, names, original)
    await checkSmsSettings(page, ctx, settings)
  } finally {
    try {
      await adminJson(page, "POST", "/admin/loyalty/message-templates", {
        event: CHECK_EVENT,
        locale: CHECK_LOCALE,
        body: original.is_default ? null : original.body,
        // A reset keeps the gateway template: put back the original one (or none).
        gateway_template: original.gateway_template,
      })
      await adminJson(page, "POST", "/admin/loyalty/settings", smsSettingsOf(settings))
    } catch (error) {
      say(
        `(cleanup after the messages check failed: ${error.message.split("\n")[0]}; run again to clean up)`
      )
    }
  }
  await checkCustomerMessages(page, ctx)
}

/** Refused at the field, saved with a chip, reset behind a prompt. */
async function checkTemplateEdit(page, ctx, card, names, original) {
  const say = ctx.say
  const id = `template-${CHECK_EVENT}-${CHECK_LOCALE}`
  const drawer = page.getByTestId("template-editor")

  await card.getByTestId("template-edit").click()
  const textarea = page.locator(`#${id}`)
  await textarea.waitFor()
  await page.getByText(ctx.tr("messages.template.editor.title", names), { exact: true }).waitFor()
  expect((await textarea.getAttribute("dir")) === "rtl", "The Persian editor is not right-to-left")

  // An unknown variable: refused at the wording, the drawer stays open.
  await textarea.focus()
  await page.keyboard.press("Control+End")
  await textarea.pressSequentially(" {foo}")
  await page.getByTestId("template-editor-submit").click()
  const error = page.locator(`#${id}-error`)
  await error.waitFor({ timeout: 30000 })
  const refused = await error.innerText()
  say(`unknown variable refused at the field: ${refused}`)
  expect(
    refused.includes("{foo}") &&
      refused.startsWith(before(ctx, "messages.template.editor.unknownVariable", "variable", { variables: "" })),
    `The error does not name {foo} in the admin's language: ${refused}`
  )
  expect(await drawer.isVisible(), "The editor closed on a refused wording")
  await ctx.shot("message-template-error")

  // A valid wording, the balance put in with its chip at the cursor.
  const wording = "{first_name} جان، {amount} به کیف پول شما اضافه شد. موجودی: "
  await textarea.fill(wording)
  await error.waitFor({ state: "detached", timeout: 10000 })
  await textarea.focus()
  await page.keyboard.press("Control+End")
  await drawer.locator('[data-testid="template-variable"][data-variable="balance"]').click()
  const typed = await textarea.inputValue()
  expect(typed === `${wording}{balance}`, `The {balance} chip did not insert at the cursor: ${typed}`)
  const preview = await drawer.getByTestId("template-preview").innerText()
  say(`preview: ${preview}`)
  expect(
    preview.includes("سارا") && /تومان|ریال/.test(preview) && !preview.includes("{"),
    `Unexpected preview: ${preview}`
  )
  await page.fill(`#${id}-gateway`, "check-cashback")
  await ctx.shot("message-template-editor")
  await page.getByTestId("template-editor-submit").click()
  await page.getByText(ctx.tr("messages.template.saved", names), { exact: true }).first().waitFor({
    timeout: 30000,
  })
  await drawer.waitFor({ state: "detached", timeout: 30000 })
  await card.locator('[data-testid="template-state"][data-state="edited"]').waitFor()
  const saved = await card.getByTestId("template-body").innerText()
  expect(saved === typed, `The saved wording shows as: ${saved}`)
  const gateway = await card.getByTestId("template-gateway").innerText()
  expect(gateway.includes("check-cashback"), `The gateway template shows as: ${gateway}`)
  say(`saved: ${saved} (${gateway})`)
  await card.scrollIntoViewIfNeeded()
  await ctx.shot("message-template-saved")

  // Reset asks first, then shows the shipped wording.
  await card.getByTestId("template-reset").click()
  await page
    .getByRole("button", { name: ctx.tr("messages.template.resetPrompt.confirm"), exact: true })
    .click()
  await card
    .locator('[data-testid="template-state"][data-state="default"]')
    .waitFor({ timeout: 30000 })
  await page.getByText(ctx.tr("messages.template.resetDone", names), { exact: true }).first().waitFor()
  const reset = await card.getByTestId("template-body").innerText()
  expect(reset === original.default_body, `After the reset the wording is: ${reset}`)
  say("reset to the default wording")

  // The English wording is edited left to right.
  const english = page.locator(
    `[data-testid="template-card"][data-event="${CHECK_EVENT}"][data-locale="en"]`
  )
  await english.getByTestId("template-edit").click()
  const englishArea = page.locator(`#template-${CHECK_EVENT}-en`)
  await englishArea.waitFor()
  expect((await englishArea.getAttribute("dir")) === "ltr", "The English editor is not left-to-right")
  await page.getByRole("button", { name: ctx.tr("common.actions.cancel"), exact: true }).click()
  await englishArea.waitFor({ state: "detached" })
}

async function waitForValue(page, selector, value) {
  await page.waitForFunction(
    ([selector, value]) => document.querySelector(selector)?.value === value,
    [selector, value],
    { timeout: 30000 }
  )
}

// The money display is not changed here: other checks may be reading
// amounts on the shared store meanwhile. The examples follow the stored one.
const UNIT = { toman: "تومان", rial: "ریال" }

/**
 * A refused reminder day at its field; a message's switch and quiet hours (typed in
 * Persian digits in Persian) changed and kept after a reload; then back
 * through the form.
 */
async function checkSmsSettings(page, ctx, settings) {
  const say = ctx.say
  const panel = page.getByTestId("sms-settings")
  const save = () => panel.getByTestId("sms-settings-save").click()
  /** Saves, waits for the API's answer and the toast. */
  const saveAndToast = async () => {
    const answered = page.waitForResponse(
      (res) => res.url().includes("/admin/loyalty/settings") && res.request().method() === "POST"
    )
    await save()
    const res = await answered
    expect(res.ok(), `The SMS settings save answered ${res.status()}`)
    await page
      .getByText(ctx.tr("common.states.saved"), { exact: true })
      .last()
      .waitFor({ timeout: 30000 })
  }
  // Occasion messages (win-back among them) are switched on the Occasions
  // page; the new-tier message stands for the switches here.
  const eventSwitch = page.locator("#sms-event-tier_upgraded")
  await panel.scrollIntoViewIfNeeded()
  const on = (await eventSwitch.getAttribute("aria-checked")) === "true"
  const start = await page.inputValue("#sms-quiet-start")
  const end = await page.inputValue("#sms-quiet-end")
  const quiet = start === "23:30" ? ["21:00", "08:30"] : ["23:30", "08:00"]

  // A reminder 0 days before is refused at its field, in words.
  await page.fill("#sms-reminder-days", "7, 0")
  await save()
  const reminderError = page.locator("#sms-reminder-days-error")
  await reminderError.waitFor({ timeout: 30000 })
  const refused = await reminderError.innerText()
  say(`reminder day 0 refused: ${refused}`)
  expect(
    refused === ctx.tr("messages.settings.reminderDaysInvalid"),
    `Unexpected reminder days error: ${refused}`
  )
  await panel.getByTestId("sms-events").scrollIntoViewIfNeeded()
  await ctx.shot("sms-settings-error")
  await page.fill("#sms-reminder-days", (settings.reminder_days ?? []).join(", "))

  await eventSwitch.click()
  // Persian digits typed in Persian are read as the clock they are.
  const typeClock = (value) => (ctx.lang === "fa" ? persianDigits(value) : value)
  await page.fill("#sms-quiet-start", typeClock(quiet[0]))
  await page.fill("#sms-quiet-end", typeClock(quiet[1]))
  await saveAndToast()
  await page.reload()
  await eventSwitch.waitFor({ timeout: 60000 })
  await waitForValue(page, "#sms-quiet-start", quiet[0])
  await waitForValue(page, "#sms-quiet-end", quiet[1])
  expect(
    (await eventSwitch.getAttribute("aria-checked")) === String(!on),
    `The new-tier message is not ${on ? "off" : "on"} after a reload`
  )
  say(
    `new-tier message ${on ? "on -> off" : "off -> on"}, quiet hours ${start}-${end} -> ${quiet.join("-")}: kept after reload`
  )
  await page.getByTestId("sms-settings").scrollIntoViewIfNeeded()
  await ctx.shot("sms-settings")

  // And back, through the form.
  await eventSwitch.click()
  await page.fill("#sms-quiet-start", start)
  await page.fill("#sms-quiet-end", end)
  await saveAndToast()
  await page.reload()
  await eventSwitch.waitFor({ timeout: 60000 })
  await waitForValue(page, "#sms-quiet-start", start)
  expect((await eventSwitch.getAttribute("aria-checked")) === String(on), "The new-tier message was not put back")
  say(`new-tier message and quiet hours ${start}-${end} restored`)
}

module.exports = { checkMessages }
