// Sara's tier widget on her customer page, run by the "tiers" step
// (tiers.js) with a tier it created.
const path = require("path")
const { BASE, expect, OUT, say } = require("./lib")

/** Sara's tier widget: pin her to a tier with a note, then unpin her. */
async function checkCustomerTier(page, sara, tierName, stamp) {
  await page.goto(`${BASE}/app/customers/${sara.id}`)
  const widget = page.getByTestId("customer-tier")
  const shownName = widget.getByTestId("customer-tier-name")
  await shownName.waitFor({ timeout: 60000 })
  const before = (await shownName.innerText()).trim()
  say(`Sara's tier: ${before}`)
  await widget.screenshot({ path: path.join(OUT, "customer-tier.png") })

  await widget
    .getByRole("button", { name: /^(Pin to tier|Change pin)$/ })
    .click()
  await page.click("#tier-pin-tier")
  await page.getByRole("option", { name: tierName, exact: true }).click()
  const note = `Check: VIP by agreement (${stamp})`
  await page.fill("#tier-pin-note", note)
  await widget.getByTestId("customer-tier-submit").click()
  await widget.getByTestId("customer-tier-pinned").waitFor({ timeout: 30000 })
  await widget
    .getByTestId("customer-tier-pin-note")
    .getByText(note)
    .waitFor()
  const pinnedName = (await shownName.innerText()).trim()
  expect(pinnedName === tierName, `Pinned to ${tierName}, shows ${pinnedName}`)
  const pinRow = widget
    .getByTestId("customer-tier-history-row")
    .filter({ hasText: note })
    .first()
  await pinRow.waitFor()
  const pinText = (await pinRow.innerText()).replace(/\s+/g, " ")
  say(`pinned: ${pinText}`)
  expect(
    pinText.includes(`→ ${tierName}`) && /Pinned/.test(pinText),
    `Unexpected history row: ${pinText}`
  )
  await widget.screenshot({ path: path.join(OUT, "customer-tier-pinned.png") })

  await widget.getByRole("button", { name: "Unpin", exact: true }).first().click()
  const unpinNote = `Check: agreement ended (${stamp})`
  await page.fill("#tier-unpin-note", unpinNote)
  await widget.getByTestId("customer-tier-submit").click()
  await widget
    .getByTestId("customer-tier-pinned")
    .waitFor({ state: "detached", timeout: 30000 })
  const unpinRow = widget
    .getByTestId("customer-tier-history-row")
    .filter({ hasText: unpinNote })
    .first()
  await unpinRow.waitFor()
  const after = (await shownName.innerText()).trim()
  say(
    `unpinned: now ${after}; ${(await unpinRow.innerText()).replace(/\s+/g, " ")}`
  )
  expect(after !== tierName, `Still ${tierName} after unpinning`)
  await widget.screenshot({
    path: path.join(OUT, "customer-tier-unpinned.png"),
  })
}

module.exports = { checkCustomerTier }
