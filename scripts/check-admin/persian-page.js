// The Persian check of one page as it is now (`assertPersianPage`): the
// plugin's screens in Persian show no English and no Gregorian date, and the
// browser logged no error. What is scanned: the visible text (and input
// placeholders) inside our page and widget roots ([data-loyalty-page],
// [data-loyalty-widget]), the open dialogs, drawers, popovers, menus and
// toasts (during a step they are ours), and the sidebar's Loyalty section.
//
// English: a Latin word of two letters or more. Not counted: text inside
// <bdi>, [dir=ltr], <code>, <kbd> (data: names, codes, amounts, phones, in
// <Ltr>/<Data>), text between Unicode isolates (U+2066/U+2067/U+2068 ...
// U+2069: the plain-text <bdi>, for a code inside a toast or an error
// message), input values, and the words of LATIN_ALLOWED. Text marked as
// another language (lang="en": the preview of an English SMS) is not
// checked at all, dates included.
//
// Gregorian dates, anywhere in that text (bdi included, inputs aside), in
// Latin, Persian or Arabic-Indic digits: an English or Persian-spelled
// Gregorian month name next to a number ("5 Jan", "۵ ژانویه"), d/m/yyyy or
// yyyy-mm-dd with a 19xx/20xx year (a Jalali year is 13xx/14xx), and a
// standalone year 2000-2099 (outside bdi/ltr/code, where a receipt number
// may hold four digits).

/**
 * Latin words Persian screens may show outside bdi. Keep it tiny and say why:
 * IRR, the shop's currency code, as shop owners read it. "SMS" is not here:
 * Persian says پیامک.
 */
const LATIN_ALLOWED = ["IRR"]

/** Runs in the page: the problems of every scanned root. */
/* istanbul ignore next */
function scanPage(allowed) {
  const problems = []
  const visible = (el) =>
    el.checkVisibility
      ? el.checkVisibility({ visibilityProperty: true })
      : !!el.getClientRects().length
  const roots = [
    ...document.querySelectorAll("[data-loyalty-page], [data-loyalty-widget]"),
    ...document.querySelectorAll(
      '[role="dialog"], [role="alertdialog"], [role="listbox"], [role="menu"], [data-radix-popper-content-wrapper], [data-sonner-toast]'
    ),
  ]
  // The sidebar's Loyalty section: the parent link and its nested pages.
  for (const link of document.querySelectorAll('a[href$="/app/loyalty"]')) {
    if (link.closest("[data-loyalty-page]")) continue
    let section = link
    for (let up = link.parentElement, i = 0; up && i < 5; up = up.parentElement, i++) {
      if (up.querySelector('a[href*="/app/loyalty/"]')) {
        section = up
        break
      }
    }
    roots.push(section)
  }
  const outer = roots.filter(
    (el, i) =>
      visible(el) &&
      roots.indexOf(el) === i &&
      !roots.some((other) => other !== el && other.contains(el))
  )

  const rootName = (el) => {
    for (const attr of ["data-loyalty-page", "data-loyalty-widget", "data-testid", "role"]) {
      if (el.hasAttribute(attr)) return `[${attr}="${el.getAttribute(attr)}"]`
    }
    if (el.hasAttribute("data-sonner-toast")) return "[data-sonner-toast]"
    return el.querySelector('a[href$="/app/loyalty"]') ? "sidebar Loyalty" : el.tagName.toLowerCase()
  }
  const pathOf = (el, root) => {
    const parts = []
    for (let node = el; node && node !== root; node = node.parentElement) {
      let part = node.tagName.toLowerCase()
      if (node.dataset && node.dataset.testid) part += `[data-testid="${node.dataset.testid}"]`
      else if (node.id) part += `#${node.id}`
      else if (node.parentElement) {
        const same = [...node.parentElement.children].filter((c) => c.tagName === node.tagName)
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`
      }
      parts.unshift(part)
    }
    const shown = parts.length > 6 ? ["…", ...parts.slice(-6)] : parts
    return [rootName(root), ...shown].join(" > ")
  }
  const isData = (el, root) => {
    for (let node = el; node && node !== root.parentElement; node = node.parentElement) {
      const tag = node.tagName
      if (tag === "BDI" || tag === "CODE" || tag === "KBD") return true
      if (node.getAttribute("dir") === "ltr") return true
    }
    return false
  }

  /** Text in another language, marked so (an English SMS's preview: lang="en"). */
  const isForeign = (el, root) => {
    const marked = el.closest("[lang]")
    return !!marked && root.contains(marked) && !marked.lang.startsWith("fa")
  }

  const DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g
  const latinDigits = (s) =>
    s.replace(DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
  const MONTHS_EN =
    "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
  const MONTHS_FA =
    "ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|آگوست|سپتامبر|اکتبر|نوامبر|دسامبر"
  const DATE_PATTERNS = [
    new RegExp(`(?<![A-Za-z])(${MONTHS_EN})\\.?\\s*\\d{1,4}(?!\\d)|(?<!\\d)\\d{1,2}\\s*(${MONTHS_EN})(?![A-Za-z])`, "i"),
    new RegExp(`(?<![\\u0600-\\u06FF\\u200c])(${MONTHS_FA})\\u0654?\\s*\\d|\\d\\s*(${MONTHS_FA})\\u0654?(?![\\u0600-\\u06FF\\u200c])`),
    /(?<!\d)(19|20)\d\d[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\d|3[01])(?!\d)/,
    /(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.](19|20)\d\d(?!\d)/,
  ]
  const YEAR = /(?<![\d,.٬٫:/\-])20\d\d(?![\d,.٬٫:/\-]?\d)/
  const ISOLATED = /[\u2066\u2067\u2068][^\u2069]*\u2069?/g
  const latinWords = (s) =>
    (s.replace(ISOLATED, " ").match(/[A-Za-z]{2,}/g) || []).filter(
      (w) => !allowed.includes(w)
    )

  for (const root of outer) {
    const texts = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !node.nodeValue.trim()) continue
      if (el.closest("script, style, template, noscript, textarea, select, option")) continue
      if (!visible(el) || isForeign(el, root)) continue
      texts.push({ el, text: node.nodeValue, data: isData(el, root) })
    }
    for (const input of root.querySelectorAll("input[placeholder], textarea[placeholder]")) {
      if (!visible(input) || !input.placeholder.trim() || input.value || isForeign(input, root)) continue
      texts.push({ el: input, text: input.placeholder, data: isData(input, root), placeholder: true })
    }
    /** The text, or the part of a long one around `index`. */
    const excerpt = (text, index) => {
      const t = text.trim()
      if (t.length <= 100) return t
      const at = Math.max(0, index - (text.length - text.trimStart().length) - 40)
      return `${at > 0 ? "…" : ""}${t.slice(at, at + 80)}${at + 80 < t.length ? "…" : ""}`
    }
    for (const { el, text, data, placeholder } of texts) {
      const where = pathOf(el, root)
      const words = data ? [] : latinWords(text)
      if (words.length) {
        problems.push(
          `English "${words.join(" ")}" in "${excerpt(text, text.indexOf(words[0]))}"${placeholder ? " (placeholder)" : ""} at ${where}`
        )
      }
      if (placeholder) continue
      const digits = latinDigits(text)
      const date = [...DATE_PATTERNS, ...(data ? [] : [YEAR])].map((re) => re.exec(digits)).find(Boolean)
      if (date) {
        problems.push(`Gregorian date in "${excerpt(text, date.index)}" at ${where}`)
      }
    }
  }
  return {
    problems,
    roots: outer.map(rootName),
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
  }
}

/**
 * Throws unless the page, as it is now, passes the Persian check: the admin
 * in Persian and right to left, no console error since the last check, no
 * English UI text, no Gregorian date in our screens. Called by every
 * `ctx.shot()` in Persian; call it yourself after any state worth checking
 * that you do not screenshot. In English it does nothing.
 *
 * @param page the Playwright page
 * @param ctx the step's context (ctx.lang, ctx.consoleErrors)
 * @param name what is being checked, for the error message
 */
async function assertPersianPage(page, ctx, name) {
  if (ctx.lang !== "fa") return
  const found = await page.evaluate(scanPage, LATIN_ALLOWED)
  const problems = []
  if (found.dir !== "rtl" || !String(found.lang).startsWith("fa")) {
    problems.push(
      `the admin is not in Persian: <html lang="${found.lang}" dir="${found.dir}">`
    )
  }
  if (!found.roots.length) {
    problems.push(
      "nothing of ours to check: no [data-loyalty-page], [data-loyalty-widget], dialog, toast or sidebar Loyalty section"
    )
  }
  problems.push(...found.problems)
  const errors = ctx.consoleErrors()
  problems.push(...errors.map((e) => `console error: ${e}`))
  if (problems.length) {
    throw new Error(
      `Persian check of ${name} (${page.url()}) failed:\n    ${[...new Set(problems)].join("\n    ")}`
    )
  }
}

module.exports = { assertPersianPage, LATIN_ALLOWED, scanPage }

/**
 * `node scripts/check-admin/persian-page.js`: the scanner on a made-up page
 * in Chromium (no store needed), each kind of problem found once, data and
 * Jalali dates left alone.
 */
async function selfTest() {
  const { launchBrowser } = require("./lib")
  const { browser, page } = await launchBrowser()
  try {
    await page.setContent(`<html lang="fa" dir="rtl"><body>
      <nav><div><a href="/app/loyalty">باشگاه مشتریان</a></div>
        <ul><li><a href="/app/loyalty/tiers">Tiers</a></li></ul></nav>
      <a href="/app/orders">Orders</a>
      <div data-loyalty-page="demo">
        <h1>قوانین کش‌بک</h1>
        <p>کش‌بک <bdi dir="ltr">Coffee beans 250g</bdi> روی <span dir="ltr">SKU-2031</span></p>
        <p>تاریخ: ۱۴۰۴/۹/۸، ساعت ۱۰:۳۰، مبلغ ۲٬۰۲۵ تومان، IRR</p>
        <p>کد \u2066Asia/Tehran\u2069 را وارد کنید</p>
        <p data-testid="bad-word">5 days left</p>
        <p>تاریخ <bdi>۱۴ ژانویه ۲۰۲۵</bdi></p>
        <table><tr><td>x</td></tr><tr><td>۲۰۲۵/۰۱/۱۴</td></tr></table>
        <p>سال ۲۰۲۵</p>
        <p>می‌شود ۳ می‌خواهد</p>
        <p style="display:none">Hidden English</p>
        <input placeholder="Search rules" /><input dir="ltr" placeholder="Gold" /><input value="English value" />
        <code>loyalty_wallet</code>
        <p lang="en" dir="ltr"><bdi>Hi Sara, 5 December 2026</bdi></p>
      </div>
      <div role="dialog"><p>Delete rule?</p></div>
    </body></html>`)
    const found = await page.evaluate(scanPage, LATIN_ALLOWED)
    const want = [
      'English "days left" in "5 days left" at [data-loyalty-page="demo"] > p[data-testid="bad-word"]',
      'Gregorian date in "۱۴ ژانویه ۲۰۲۵" at [data-loyalty-page="demo"] > p:nth-of-type(5) > bdi',
      'Gregorian date in "۲۰۲۵/۰۱/۱۴" at [data-loyalty-page="demo"] > table > tbody > tr:nth-of-type(2) > td',
      'Gregorian date in "سال ۲۰۲۵" at [data-loyalty-page="demo"] > p:nth-of-type(6)',
      'English "Search rules" in "Search rules" (placeholder) at [data-loyalty-page="demo"] > input:nth-of-type(1)',
      'English "Delete rule" in "Delete rule?" at [role="dialog"] > p',
      'English "Tiers" in "Tiers" at sidebar Loyalty > ul > li > a',
    ]
    const got = found.problems
    const missing = want.filter((w) => !got.includes(w))
    const extra = got.filter((g) => !want.includes(g))
    if (missing.length || extra.length) {
      throw new Error(
        `persian-page self-test:\n  not found:\n    ${missing.join("\n    ")}\n  found but not expected:\n    ${extra.join("\n    ")}`
      )
    }
    process.stdout.write(`persian-page self-test: ${got.length} problems found as expected\n`)
  } finally {
    await browser.close()
  }
}

if (require.main === module) {
  selfTest().catch((error) => {
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  })
}
