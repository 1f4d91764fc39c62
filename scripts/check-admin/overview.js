#!/usr/bin/env node
// The Loyalty overview (/app/loyalty): its heading, its thirteen pages in the
// order a shop sets them up, and the sidebar's Loyalty section with the same
// thirteen pages under it, each named in the admin's language.
//
// Runs on its own against a running store:
//   node scripts/check-admin/overview.js [http://localhost:9000]
// and as the "overview" step of `npm run check:admin`.
const { expect, runAlone } = require("./lib")

/** The pages under Loyalty: their path and their sidebar label. */
const PAGES = [
  ["cashback-rules", "common.nav.rules"],
  ["tiers", "common.nav.tiers"],
  ["messages", "common.nav.messages"],
  ["pos-keys", "common.nav.tillKeys"],
  ["register-purchase", "common.nav.registerPurchase"],
  ["feedback", "common.nav.feedback"],
  ["transfers", "common.nav.transfers"],
  ["codes", "common.nav.codes"],
  ["occasions", "common.nav.occasions"],
  ["referrals", "common.nav.referrals"],
  ["analytics", "common.nav.analytics"],
  ["segments", "common.nav.segments"],
  ["campaigns", "common.nav.campaigns"],
]

/**
 * @param page a logged-in Playwright page
 * @param ctx the step's context (scripts/check-admin/lib.js createContext)
 */
async function checkOverview(page, ctx) {
  const { base, tr } = ctx
  await page.goto(`${base}/app/loyalty`)
  const overview = page.locator('[data-loyalty-page="overview"]')
  await overview
    .getByRole("heading", { name: tr("common.overview.title") })
    .waitFor({ timeout: 60000 })

  // The overview lists the pages, linked, in order.
  const listed = await overview.locator("a[href]").evaluateAll((links) =>
    links.map((a) => ({
      href: a.getAttribute("href"),
      title: a.querySelector("p")?.textContent ?? "",
    }))
  )
  expect(
    JSON.stringify(listed) ===
      JSON.stringify(
        PAGES.map(([to, key]) => ({ href: `/app/loyalty/${to}`, title: tr(key) }))
      ),
    `the overview lists ${JSON.stringify(listed)}`
  )

  // The sidebar: one Loyalty entry (the desktop one; the other is for small
  // screens) and under it the same pages, translated.
  const sidebar = await page.evaluate(() => {
    const parent = [...document.querySelectorAll('a[href$="/app/loyalty"]')].find(
      (a) => a.checkVisibility() && !a.closest("[data-loyalty-page]")
    )
    if (!parent) return null
    let section = parent.parentElement
    while (section && !section.querySelector('a[href*="/app/loyalty/"]')) {
      section = section.parentElement
    }
    const children = section
      ? [...section.querySelectorAll('a[href*="/app/loyalty/"]')].filter((a) =>
          a.checkVisibility()
        )
      : []
    return {
      label: parent.textContent.trim(),
      children: children.map((a) => ({
        href: a.getAttribute("href"),
        label: a.textContent.trim(),
      })),
    }
  })
  expect(sidebar, "the sidebar has no Loyalty entry")
  expect(
    sidebar.label === tr("common.nav.loyalty"),
    `the sidebar's Loyalty entry reads "${sidebar.label}", not "${tr("common.nav.loyalty")}"`
  )
  const want = PAGES.map(([to, key]) => ({
    href: `/app/loyalty/${to}`,
    label: tr(key),
  }))
  expect(
    JSON.stringify(sidebar.children) === JSON.stringify(want),
    `the sidebar's Loyalty section lists ${JSON.stringify(sidebar.children)}, not ${JSON.stringify(want)}`
  )
  await ctx.shot("overview")
  ctx.say(
    `overview: ${sidebar.label} with ${sidebar.children.map((c) => c.label).join(", ")}`
  )
}

module.exports = { checkOverview }

if (require.main === module) {
  runAlone(checkOverview, "overview")
}
