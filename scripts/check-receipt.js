#!/usr/bin/env node
// Looks at the public receipt pages on a phone (390 x 844, touch) in Debian's
// headless Chromium, in Persian and English: the receipt (items, total,
// cashback, balance and tier, the rating buttons, the account link), the
// page after a rating, the "claim your account" page and the page of an
// expired link. Each page is also a check: no sideways scrolling, every
// button and link at least 44 px tall (a finger), the language's direction,
// and in Persian no Latin digit outside Latin names.
//
// Usage:
//   node scripts/check-receipt.js                 pages rendered here from sample
//                                                 data (no store needed)
//   node scripts/check-receipt.js <receipt link>  a real link, e.g. the one
//                                                 `npm run dev` prints
// Screenshots go to /tmp/check-receipt (CHECK_RECEIPT_DIR).
const fs = require("fs")
const path = require("path")
const { chromium } = require("playwright-core")

const OUT = process.env.CHECK_RECEIPT_DIR || "/tmp/check-receipt"
const VIEWPORT = { width: 390, height: 844 }
// Latin text a Persian page may hold: names typed by the shop, its language link.
const LATIN_ALLOWED = /Coffee beans|Mug|English|Loyalty Club Demo|Medusa Store|Emily|Sara/g

function samplePages() {
  require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } })
  const { renderReceiptPage, renderNoticePage } = require("../src/utils/receipt-page.ts")
  const { renderAccountPage } = require("../src/utils/receipt-page-account.ts")
  const view = (locale, extra = {}) => ({
    format: { locale, money_display: "toman", time_zone: "Asia/Tehran" },
    store_name: "فروشگاه لوازم خانگی آفتاب",
    order: {
      display_id: 1042,
      created_at: new Date("2026-11-29T10:15:00Z"),
      currency_code: "irr",
      total: "2000000",
      items: [
        { title: "Coffee beans", quantity: 2, total: "1500000" },
        { title: "لیوان سرامیکی دسته‌دار با طرح سنتی اصفهان، ظرفیت ۳۵۰ میلی‌لیتر، قابل شستشو در ماشین ظرف‌شویی", quantity: 1, total: "500000" },
      ],
    },
    cashback: { total: "40000", available_at: new Date("2026-12-13T10:15:00Z"), waits_for_fulfilment: false },
    balance: { available: "1250000", pending: "40000" },
    tier: locale === "fa" ? "طلایی" : "Gold",
    feedback: null,
    claim_href: "/r/sample/account",
    language_href: "/r/sample",
    ...extra,
  })
  const pages = []
  for (const locale of ["fa", "en"]) {
    pages.push([`receipt-${locale}`, renderReceiptPage(view(locale))])
    pages.push([
      `rated-${locale}`,
      renderReceiptPage(
        view(locale, {
          feedback: { rating: 2, comment: locale === "fa" ? "صف صندوق خیلی طولانی بود." : "The queue was very long." },
          answered: true,
          claim_href: null,
        })
      ),
    ])
    pages.push([
      `account-${locale}`,
      renderAccountPage({
        locale,
        store_name: "فروشگاه لوازم خانگی آفتاب",
        step: "code",
        phone: "+989121230005",
        email: "",
        problem: null,
        receipt_href: "/r/sample",
        language_href: "/r/sample/account",
      }),
    ])
    pages.push([`expired-${locale}`, renderNoticePage(locale, "expired", "فروشگاه لوازم خانگی آفتاب")])
  }
  return pages
}

async function check(page, name) {
  const problems = []
  const facts = await page.evaluate(() => {
    const doc = document.documentElement
    const small = Array.from(document.querySelectorAll("button, a, input, textarea"))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.height < 44 || box.width < 44))
      .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent || el.name || "").trim()}" ${Math.round(box.width)}x${Math.round(box.height)}`)
    const wide = Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 || el.getBoundingClientRect().left < -1)
      .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""))
    return {
      dir: doc.getAttribute("dir"),
      lang: doc.getAttribute("lang"),
      scrollWidth: doc.scrollWidth,
      small,
      wide,
      text: document.body.innerText,
    }
  })
  if (facts.scrollWidth > VIEWPORT.width) problems.push(`scrolls sideways: ${facts.scrollWidth}px wide`)
  if (facts.wide.length) problems.push(`sticks out: ${facts.wide.slice(0, 5).join(", ")}`)
  if (facts.small.length) problems.push(`too small to tap: ${facts.small.join("; ")}`)
  if (facts.dir !== (facts.lang === "fa" ? "rtl" : "ltr")) problems.push(`dir ${facts.dir} for ${facts.lang}`)
  if (facts.lang === "fa") {
    const latin = facts.text.replace(LATIN_ALLOWED, "").match(/[0-9]+/g)
    if (latin) problems.push(`Latin digits in Persian: ${latin.join(", ")}`)
  }
  const file = path.join(OUT, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  console.log(`${problems.length ? "FAIL" : "ok  "} ${name} -> ${file}${problems.length ? "\n     " + problems.join("\n     ") : ""}`)
  return problems.length
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" })
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  let failures = 0
  try {
    const link = process.argv[2]
    if (link) {
      for (const lang of ["fa", "en"]) {
        const url = new URL(link)
        url.searchParams.set("lang", lang)
        await page.goto(url.toString())
        failures += await check(page, `receipt-${lang}`)
        await page.click('button[name="rating"][value="4"]')
        await page.waitForLoadState()
        failures += await check(page, `rated-${lang}`)
        const account = page.locator('a[href*="/account"]')
        if (await account.count()) {
          await account.first().click()
          await page.waitForLoadState()
          failures += await check(page, `account-${lang}`)
        }
      }
      const bad = new URL(link)
      bad.pathname = bad.pathname.slice(0, -3) + (bad.pathname.endsWith("AAA") ? "BBB" : "AAA")
      await page.goto(bad.toString())
      failures += await check(page, "tampered")
    } else {
      for (const [name, html] of samplePages()) {
        await page.setContent(html)
        failures += await check(page, name)
      }
    }
  } finally {
    await browser.close()
  }
  if (failures) {
    console.error(`${failures} problem(s); see the screenshots in ${OUT}`)
    process.exit(1)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
