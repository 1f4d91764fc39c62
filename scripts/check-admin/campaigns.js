#!/usr/bin/env node
// The Campaigns page (/app/loyalty/campaigns) in the admin's language
// (ctx.lang): the list with each campaign's status in words; a new campaign
// made in the form (a segment picked, the Persian wording typed with a
// variable chip, a 10% holdout by default) whose preview panel shows the
// recipients the API's preview counts and whose SMS counter shows the
// parts; saved as a draft, its page shows the preview and a Send button
// that asks first (the prompt is cancelled: nothing is sent); a campaign
// that went out (the demo's, when there is one) shows its results with the
// lift explained in one sentence; the Automations tab lists automations.
// Everything made here is removed at the end. The Persian check runs on
// each screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/campaigns.js [http://localhost:9000]
// and as the "campaigns" step of `npm run check:admin`.
const { adminApi, expect, runAlone } = require("./lib")
const { number } = require("./pos")

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkCampaigns(page, ctx) {
  const { base, lang, tr, say, shot } = ctx
  const api = adminApi(page, base)
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }
  const made = { segments: [], campaigns: [] }
  try {
    const { segment } = await api("POST", "/admin/loyalty/segments", {
      name: `Check audience ${lang}`,
      conditions: { match: "all", conditions: [{ field: "sms_opted_in", value: true }] },
    })
    made.segments.push(segment.id)

    await page.goto(`${base}/app/loyalty/campaigns`)
    const root = page.locator('[data-loyalty-page="campaigns"]')
    await root.getByRole("heading", { name: tr("campaigns.title"), exact: true }).waitFor({ timeout: 60000 })
    await root.getByTestId("campaigns-table").waitFor({ timeout: 30000 })
    const { campaigns } = await api("GET", "/admin/loyalty/campaigns?kind=campaign&limit=20")
    const statuses = await root
      .getByTestId("campaign-status")
      .evaluateAll((els) => els.map((e) => [e.dataset.status, e.textContent.trim()]))
    see(
      "the statuses in words",
      statuses,
      campaigns.map((c) => [c.status, tr(`campaigns.status.${c.status}`)])
    )
    await page.waitForLoadState("networkidle")
    await shot("campaigns")

    // The form: segment, wording with a chip, the preview.
    await root.getByTestId("campaign-create").click()
    const form = page.getByTestId("campaign-form")
    await form.locator("#campaign-name").waitFor({ timeout: 30000 })
    await page.fill("#campaign-name", `Check campaign ${lang}`)
    await form.locator("#campaign-segment").click()
    await page.getByRole("option", { name: `Check audience ${lang}`, exact: true }).click()
    await page.fill("#campaign-body-fa", "سلام ")
    await page.locator("#campaign-body-fa").focus()
    await form.locator('[data-testid="campaign-variable"][data-variable="first_name"]').click()
    see("the wording after the chip", await page.inputValue("#campaign-body-fa"), "سلام {first_name}")
    await page.locator("#campaign-body-fa").press("End")
    await page.keyboard.type("، تخفیف ویژهٔ این هفته برای شما در فروشگاه منتظر است.")
    const preview = form.getByTestId("campaign-preview")
    await preview.locator("[data-recipients]").waitFor({ timeout: 30000 })
    await page.waitForTimeout(1500)
    const wanted = await api("POST", "/admin/loyalty/campaigns/preview", {
      segment_id: segment.id,
      bodies: { fa: await page.inputValue("#campaign-body-fa") },
      gift: null,
      holdout_percent: 10,
    })
    see("the preview's recipients", Number(await preview.locator("[data-recipients]").getAttribute("data-recipients")), wanted.recipients)
    see("the preview's recipients in words", (await preview.getByTestId("preview-recipients").innerText()).trim(), number(lang, wanted.recipients))
    see("the holdout default", await page.inputValue("#campaign-holdout"), lang === "fa" ? "۱۰" : "10")
    const parts = await form.getByTestId("campaign-parts-fa").getAttribute("data-parts")
    expect(Number(parts) >= 1, `the SMS counter shows ${parts} parts`)
    await preview.scrollIntoViewIfNeeded()
    await shot("campaign-form", { fullPage: false })

    const saved = page.waitForResponse(
      (res) => res.url().endsWith("/admin/loyalty/campaigns") && res.request().method() === "POST",
      { timeout: 30000 }
    )
    await form.getByTestId("campaign-form-submit").click()
    const res = await saved
    const body = await res.json()
    expect(res.ok(), `saving the campaign answered ${res.status()}: ${body.message}`)
    made.campaigns.push(body.campaign.id)
    see("the saved holdout", body.campaign.holdout_percent, 10)

    // Its page: the preview, and Send asks first.
    const detail = page.locator('[data-loyalty-page="campaign"]')
    await detail.getByTestId("campaign-detail").waitFor({ timeout: 30000 })
    await page.getByTestId("campaign-preview").locator("[data-recipients]").waitFor({ timeout: 30000 })
    await page.waitForLoadState("networkidle")
    await shot("campaign-detail")
    let sent = 0
    const count = (req) => {
      if (/\/campaigns\/[^/]+\/send$/.test(req.url())) sent++
    }
    page.on("request", count)
    await detail.getByTestId("campaign-send").click()
    const prompt = page.getByRole("alertdialog")
    await prompt.waitFor()
    await page.waitForTimeout(400)
    await shot("campaign-send-prompt", { fullPage: false })
    await prompt.getByRole("button", { name: tr("common.actions.cancel"), exact: true }).click()
    await prompt.waitFor({ state: "hidden" })
    page.off("request", count)
    see("requests from a cancelled send", sent, 0)

    // A campaign that went out: its results.
    const out = campaigns.find((c) => !["draft", "scheduled"].includes(c.status))
    if (out) {
      const results = await api("GET", `/admin/loyalty/campaigns/${out.id}/results`)
      await page.goto(`${base}/app/loyalty/campaigns/${out.id}`)
      const view = page.getByTestId("campaign-results")
      await view.getByTestId("results-sent").waitFor({ timeout: 60000 })
      see("sent", (await view.getByTestId("results-sent").innerText()).trim(), number(lang, results.sent))
      see("delivered", (await view.getByTestId("results-delivered").innerText()).trim(), number(lang, results.delivered))
      if (results.lift) {
        expect(await view.getByTestId("results-lift-explained").isVisible(), "the lift is not explained")
      } else {
        expect(await view.getByTestId("results-no-lift").isVisible(), "no line says there is no holdout")
      }
      await page.waitForLoadState("networkidle")
      await shot("campaign-results")
      say(`results of ${out.name}: ${results.sent} sent, lift ${results.lift ? results.lift.revenue_per_head : "none"}`)
    } else {
      say("no campaign has gone out: the results view was not checked")
    }

    // Automations.
    await page.goto(`${base}/app/loyalty/campaigns?tab=automations`)
    await page.getByTestId("automations-table").waitFor({ timeout: 60000 })
    await page.waitForLoadState("networkidle")
    await shot("automations")
    say(`campaign drafted for ${wanted.recipients} recipients (${parts} SMS parts), send asked first`)
  } finally {
    for (const id of made.campaigns) await api("DELETE", `/admin/loyalty/campaigns/${id}`).catch(() => {})
    for (const id of made.segments) await api("DELETE", `/admin/loyalty/segments/${id}`).catch(() => {})
  }
  if (failures.length) {
    throw new Error(`campaigns (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkCampaigns }

if (require.main === module) {
  runAlone(checkCampaigns, "campaigns")
}
