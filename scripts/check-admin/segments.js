#!/usr/bin/env node
// The Segments page (/app/loyalty/segments) in the admin's language
// (ctx.lang): the list with each segment's last count; a new segment built
// in the condition builder (a second condition and a nested group added)
// whose live count equals the API's count of the same conditions; saved,
// its page lists as many members as the API counts and links the CSV
// export; a segment a campaign uses refuses deletion with the reason in
// words; the new one is deleted behind a prompt. Everything made here is
// removed at the end. The Persian check runs on each screenshot.
//
// Runs on its own against a running store:
//   node scripts/check-admin/segments.js [http://localhost:9000]
// and as the "segments" step of `npm run check:admin`.
const { adminApi, expect, runAlone } = require("./lib")
const { number } = require("./pos")

const squash = (text) => text.replace(/\s+/g, " ").trim()

/** The Radix select inside `scope` (by test id) set to the option named `label`. */
async function choose(page, scope, testId, label) {
  await scope.getByTestId(testId).first().click()
  await page.getByRole("option", { name: label, exact: true }).click()
}

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (lib.js createContext)
 */
async function checkSegments(page, ctx) {
  const { base, lang, tr, say, shot } = ctx
  const api = adminApi(page, base)
  const failures = []
  const see = (what, shown, want) => {
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      failures.push(`${what}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`)
    }
  }
  const made = { segments: [], campaigns: [] }
  const name = `Check segment ${lang} ${Date.now().toString(36)}`
  try {
    await page.goto(`${base}/app/loyalty/segments`)
    const root = page.locator('[data-loyalty-page="segments"]')
    await root.getByRole("heading", { name: tr("segments.title"), exact: true }).waitFor({ timeout: 60000 })
    await root.getByTestId("segments-table").waitFor({ timeout: 30000 })
    await page.waitForLoadState("networkidle")
    await shot("segments")

    // The builder: the starter condition, a channel condition and a group.
    await root.getByTestId("segment-create").click()
    const form = page.getByTestId("segment-form")
    await form.locator("#segment-name").waitFor({ timeout: 30000 })
    await page.fill("#segment-name", name)
    await form.getByTestId("segment-group").first().waitFor()
    await form.getByTestId("segment-add-group").first().click()
    const rfm = form.locator('[data-testid="segment-condition"][data-field="rfm_segment"]').first()
    await rfm.getByRole("button").first().click()
    await page.getByRole("option", { name: tr("segments.rfm.loyal"), exact: true }).click()
    await page.keyboard.press("Escape")
    await choose(page, form.getByTestId("segment-group").first(), "segment-match", tr("segments.builder.anyOf"))
    const nested = form.locator('[data-testid="segment-group"][data-depth="2"]')
    await nested.locator('[data-testid="segment-condition"][data-field="channel_mix"] button[role="checkbox"]').first().click()
    await nested.locator('[data-testid="segment-condition"][data-field="channel_mix"] button[role="checkbox"]').nth(2).click()
    // The live count settles half a second after the last change.
    const live = form.getByTestId("segment-live-count")
    await page.waitForFunction(
      () => document.querySelector('[data-testid="segment-live-count"]')?.dataset.count !== undefined,
      null,
      { timeout: 30000 }
    )
    await page.waitForTimeout(1200)
    const conditions = {
      match: "any",
      conditions: [
        { field: "rfm_segment", segments: ["at_risk", "cant_lose", "loyal"] },
        // A group added under "all" starts as "any"; the root changed after.
        { match: "any", conditions: [{ field: "channel_mix", values: ["online", "both"] }] },
      ],
    }
    const { count } = await api("POST", "/admin/loyalty/segments/count", { conditions })
    see("the live count", Number(await live.getAttribute("data-count")), count)
    await shot("segment-form", { fullPage: false })

    const saved = page.waitForResponse(
      (res) => res.url().endsWith("/admin/loyalty/segments") && res.request().method() === "POST",
      { timeout: 30000 }
    )
    await form.getByTestId("segment-form-submit").click()
    const res = await saved
    const body = await res.json()
    expect(res.ok(), `saving the segment answered ${res.status()}: ${body.message}`)
    made.segments.push(body.segment.id)
    see("the saved conditions", body.segment.conditions, conditions)

    // Its page: members as the API counts them, the export link.
    const detail = page.locator('[data-loyalty-page="segment"]')
    await detail.getByTestId("segment-detail").waitFor({ timeout: 30000 })
    await detail.getByTestId("segment-members").waitFor({ timeout: 30000 })
    const members = await api("GET", `/admin/loyalty/segments/${body.segment.id}/customers?limit=1`)
    see("members counted", members.count, count)
    see(
      "the members' count",
      squash(await detail.getByTestId("segment-members-count").innerText()),
      tr("segments.form.customers", { count, n: number(lang, count) })
    )
    see(
      "the export link",
      await detail.getByTestId("segment-export").getAttribute("href"),
      `/admin/loyalty/segments/${body.segment.id}/export`
    )
    await page.waitForLoadState("networkidle")
    await shot("segment-detail")

    // In use by a campaign: deleting is refused, in words.
    const { campaign } = await api("POST", "/admin/loyalty/campaigns", {
      name: `Check ${lang}`,
      segment_id: body.segment.id,
      bodies: { fa: "سلام {first_name}" },
    })
    made.campaigns.push(campaign.id)
    await page.reload()
    await detail.getByTestId("segment-delete").waitFor({ timeout: 60000 })
    await detail.getByTestId("segment-delete").click()
    let prompt = page.getByRole("alertdialog")
    await prompt.waitFor()
    await page.waitForTimeout(400)
    await shot("segment-delete-prompt", { fullPage: false })
    ctx.expectConsoleError(/status of 400/)
    await prompt.getByRole("button", { name: tr("common.actions.delete"), exact: true }).click()
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: tr("errors.loyalty_segment_in_use") }).first()
    await toast.waitFor({ timeout: 15000 })
    await page.waitForTimeout(500) // the toast slides in
    await shot("segment-in-use", { fullPage: false })

    // Not used any more: deleted, back to the list.
    await api("DELETE", `/admin/loyalty/campaigns/${campaign.id}`)
    made.campaigns.pop()
    await page.locator("[data-sonner-toast]").first().waitFor({ state: "hidden", timeout: 15000 }).catch(() => {})
    await detail.getByTestId("segment-delete").click()
    prompt = page.getByRole("alertdialog")
    await prompt.waitFor()
    await prompt.getByRole("button", { name: tr("common.actions.delete"), exact: true }).click()
    await page.locator('[data-loyalty-page="segments"]').waitFor({ timeout: 30000 })
    made.segments.pop()
    say(`segment of ${count} customers built, saved, refused deletion while in use, then deleted`)
  } finally {
    for (const id of made.campaigns) await api("DELETE", `/admin/loyalty/campaigns/${id}`).catch(() => {})
    for (const id of made.segments) await api("DELETE", `/admin/loyalty/segments/${id}`).catch(() => {})
  }
  if (failures.length) {
    throw new Error(`segments (${lang}):\n  ${failures.join("\n  ")}`)
  }
}

module.exports = { checkSegments, choose }

if (require.main === module) {
  runAlone(checkSegments, "segments")
}
