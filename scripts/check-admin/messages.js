// The Loyalty messages page: a refused, a saved and a reset wording, the
// SMS settings; then Sara's message log (customer-messages.js). The
// "messages" step of `npm run check:admin`.
const path = require("path")
const { adminJson, BASE, expect, OUT, say } = require("./lib")
const { checkCustomerMessages } = require("./customer-messages")

// The message the check edits: Persian, so the editor's right-to-left text
// and the chips are exercised.
const CHECK_EVENT = "cashback_credited"
const CHECK_LOCALE = "fa"

/**
 * The Loyalty messages page: a template refused for an unknown variable,
 * saved and reset; the SMS settings (win-back on and off, quiet hours, a
 * refused reminder day); then Sara's message log and a balance statement.
 */
async function checkMessages(page, settings) {
  const { message_templates } = await adminJson(
    page,
    "GET",
    "/admin/loyalty/message-templates"
  )
  const original = message_templates.find(
    (t) => t.event === CHECK_EVENT && t.locale === CHECK_LOCALE
  )
  try {
    await page.goto(`${BASE}/app/loyalty/messages`)
    await page.getByRole("link", { name: "Loyalty messages" }).first().waitFor({
      timeout: 60000,
    })
    const card = page.locator(
      `[data-testid="template-card"][data-event="${CHECK_EVENT}"][data-locale="${CHECK_LOCALE}"]`
    )
    await card.waitFor({ timeout: 60000 })
    await page.getByTestId("sms-settings").getByTestId("sms-events").waitFor()
    const cards = await page.getByTestId("template-card").count()
    say(`message templates listed: ${cards}`)
    expect(cards === 14, `Expected 14 templates (7 events × 2 languages), got ${cards}`)
    expect(
      (await card.getByTestId("template-body").getAttribute("dir")) === "rtl",
      "The Persian wording is not shown right-to-left"
    )
    await page.screenshot({
      path: path.join(OUT, "loyalty-messages.png"),
      fullPage: true,
    })
    // A run interrupted after saving leaves the wording edited: start over.
    if ((await card.getByTestId("template-state").innerText()) === "Edited") {
      await adminJson(page, "POST", "/admin/loyalty/message-templates", {
        event: CHECK_EVENT,
        locale: CHECK_LOCALE,
        body: null,
      })
      await page.reload()
      await card.getByText("Default", { exact: true }).waitFor({ timeout: 60000 })
    }

    // An unknown variable: the API refuses, the editor says why and stays open.
    await card.getByTestId("template-edit").click()
    const textarea = page.locator(`#template-${CHECK_EVENT}-${CHECK_LOCALE}`)
    await textarea.waitFor()
    expect(
      (await textarea.getAttribute("dir")) === "rtl",
      "The Persian editor is not right-to-left"
    )
    await textarea.focus()
    await page.keyboard.press("Control+End")
    await textarea.pressSequentially(" {foo}")
    await card.getByTestId("template-save").click()
    const templateError = card.getByTestId("template-error")
    await templateError.waitFor({ timeout: 30000 })
    const refused = await templateError.innerText()
    say(`unknown variable refused: ${refused}`)
    expect(refused.includes("{foo}"), `The error does not name {foo}: ${refused}`)
    expect(
      await card.getByTestId("template-editor").isVisible(),
      "The editor closed after a 400"
    )
    await card.screenshot({ path: path.join(OUT, "message-template-error.png") })

    // A valid wording, the balance put in with its chip.
    const wording = "{first_name} جان، {amount} به کیف پول شما اضافه شد. موجودی: "
    await textarea.fill(wording)
    expect(
      !(await templateError.isVisible()),
      "The error stayed after the wording was changed"
    )
    await textarea.focus()
    await page.keyboard.press("Control+End")
    await card
      .getByTestId("template-variable")
      .filter({ hasText: "{balance}" })
      .click()
    const typed = await textarea.inputValue()
    expect(
      typed === `${wording}{balance}`,
      `The {balance} chip did not insert at the cursor: ${typed}`
    )
    const preview = await card.getByTestId("template-preview").innerText()
    say(`preview: ${preview}`)
    expect(
      preview.includes("سارا") && preview.includes("تومان") && !preview.includes("{"),
      `Unexpected preview: ${preview}`
    )
    await page.fill(`#template-${CHECK_EVENT}-${CHECK_LOCALE}-gateway`, "check-cashback")
    await card.screenshot({ path: path.join(OUT, "message-template-editor.png") })
    await card.getByTestId("template-save").click()
    await card
      .getByTestId("template-editor")
      .waitFor({ state: "detached", timeout: 30000 })
    await card.getByText("Edited", { exact: true }).waitFor()
    const saved = await card.getByTestId("template-body").innerText()
    expect(saved === typed, `The saved wording shows as: ${saved}`)
    await card.getByText("Gateway: check-cashback").waitFor()
    say(`saved: ${saved}`)
    await card.screenshot({ path: path.join(OUT, "message-template-saved.png") })

    // Reset asks first, then shows the shipped wording.
    await card.getByTestId("template-edit").click()
    await card.getByTestId("template-reset").click()
    await page.getByRole("button", { name: "Reset", exact: true }).click()
    await card.getByText("Default", { exact: true }).waitFor({ timeout: 30000 })
    const reset = await card.getByTestId("template-body").innerText()
    expect(
      reset === original.default_body,
      `After the reset the wording is: ${reset}`
    )
    say("reset to the default wording")

    await checkSmsSettings(page, settings)
  } finally {
    try {
      await adminJson(page, "POST", "/admin/loyalty/message-templates", {
        event: CHECK_EVENT,
        locale: CHECK_LOCALE,
        body: original.is_default ? null : original.body,
        ...(original.is_default
          ? {}
          : { gateway_template: original.gateway_template }),
      })
      await adminJson(page, "POST", "/admin/loyalty/settings", smsSettingsOf(settings))
    } catch (error) {
      say(
        `(cleanup after the messages check failed: ${error.message.split("\n")[0]}; run again to clean up)`
      )
    }
  }
  await checkCustomerMessages(page)
}

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
  "win_back_days",
]
const smsSettingsOf = (settings) =>
  Object.fromEntries(SMS_SETTINGS.map((k) => [k, settings[k]]))

async function waitForValue(page, selector, value) {
  await page.waitForFunction(
    ([selector, value]) => document.querySelector(selector)?.value === value,
    [selector, value],
    { timeout: 30000 }
  )
}

/** Win-back on, other quiet hours, kept after a reload; a refused reminder day; then back. */
async function checkSmsSettings(page, settings) {
  const panel = page.getByTestId("sms-settings")
  const winBack = page.locator("#sms-event-win_back")
  const on = (await winBack.getAttribute("aria-checked")) === "true"
  const start = await page.inputValue("#sms-quiet-start")
  const end = await page.inputValue("#sms-quiet-end")
  const quiet =
    start === "23:30" ? ["21:00", "08:30"] : ["23:30", "08:00"]

  // A reminder 0 days before is refused; the message shows at that field.
  await page.fill("#sms-reminder-days", "7, 0")
  await panel.getByTestId("sms-settings-save").click()
  const reminderError = panel.getByTestId("sms-settings-error-reminder_days")
  await reminderError.waitFor({ timeout: 30000 })
  say(`reminder day 0 refused: ${await reminderError.innerText()}`)
  await page.fill(
    "#sms-reminder-days",
    (settings.reminder_days ?? []).join(", ")
  )

  await winBack.click()
  await page.fill("#sms-quiet-start", quiet[0])
  await page.fill("#sms-quiet-end", quiet[1])
  await panel.getByTestId("sms-settings-save").click()
  await page.getByText("SMS settings saved").waitFor({ timeout: 30000 })
  await page.reload()
  await winBack.waitFor({ timeout: 60000 })
  await waitForValue(page, "#sms-quiet-start", quiet[0])
  await waitForValue(page, "#sms-quiet-end", quiet[1])
  expect(
    (await winBack.getAttribute("aria-checked")) === String(!on),
    `Win-back is not ${on ? "off" : "on"} after a reload`
  )
  say(
    `win-back ${on ? "on -> off" : "off -> on"}, quiet hours ${start}-${end} -> ${quiet.join("-")}: kept after reload`
  )
  await page
    .getByTestId("sms-settings")
    .screenshot({ path: path.join(OUT, "sms-settings.png") })

  // And back, through the form.
  await winBack.click()
  await page.fill("#sms-quiet-start", start)
  await page.fill("#sms-quiet-end", end)
  await panel.getByTestId("sms-settings-save").click()
  await page.getByText("SMS settings saved").last().waitFor({ timeout: 30000 })
  await page.reload()
  await winBack.waitFor({ timeout: 60000 })
  await waitForValue(page, "#sms-quiet-start", start)
  expect(
    (await winBack.getAttribute("aria-checked")) === String(on),
    "Win-back was not put back"
  )
  say(`win-back and quiet hours ${start}-${end} restored`)
}

module.exports = { checkMessages }
