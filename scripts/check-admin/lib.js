// What the admin check's steps (scripts/check-admin.js and every file here)
// share: the store's URL and the screenshots folder, Chromium and the login,
// the admin's language and a step's context (`ctx`: language, strings,
// screenshots that are also the Persian check), running a step with retries,
// the admin API through the logged-in page, the fields a save changed, a save
// button's request and answer, and running one check on its own against a
// running store.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { DEMO_ADMIN } = require("../../demo/constants")
const { translator } = require("./i18n")
const { assertPersianPage, LATIN_ALLOWED } = require("./persian-page")

const BASE = process.argv[2] || "http://localhost:9000"
// Outside the project: `medusa develop` restarts on any file written inside it.
const OUT =
  process.env.SCREENSHOTS_DIR ||
  path.join(os.tmpdir(), "loyalty-club-screenshots")

const say = (line) => process.stdout.write(`${line}\n`)

/** The languages every step runs in, in order: CHECK_ADMIN_LANGS="en,fa" (or "fa"). */
const LANGS = (process.env.CHECK_ADMIN_LANGS || "en,fa")
  .split(",")
  .map((l) => l.trim())
  .filter(Boolean)

function expect(condition, message) {
  if (!condition) {
    throw new Error(message)
  }
}

/** Debian's headless Chromium and one page, patient with Vite's first load. */
async function launchBrowser() {
  const { chromium } = require("playwright-core")
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1400 },
  })
  // The dev admin is served by Vite: its first load compiles, so be patient.
  page.setDefaultNavigationTimeout(180000)
  watchConsole(page)
  // The admin keeps its language where Medusa's profile page leaves it
  // (i18next's language detector: cookie "lng" first, then localStorage
  // "lng"); setLanguage sets the cookie, this copies it to localStorage
  // before any of the page's scripts run.
  await page.addInitScript(() => {
    const lng = /(?:^|; )lng=([^;]*)/.exec(document.cookie)
    if (lng) {
      try {
        localStorage.setItem("lng", decodeURIComponent(lng[1]))
      } catch {}
    }
  })
  return { browser, page }
}

/**
 * The admin's language from the next page load on, as the profile page's
 * language choice leaves it (i18next's changeLanguage caches it in the
 * cookie and localStorage "lng", which the dashboard reads at start).
 */
async function setLanguage(page, lang) {
  await page.context().addCookies([{ name: "lng", value: lang, url: `${BASE}/` }])
}

const consoleLogs = new WeakMap()

/** Collects the page's console errors and uncaught exceptions. */
function watchConsole(page) {
  const errors = []
  consoleLogs.set(page, errors)
  page.on("console", (msg) => {
    if (msg.type() !== "error") return
    const { url, lineNumber } = msg.location() || {}
    errors.push({
      text: msg.text(),
      where: url ? `${url}${lineNumber ? `:${lineNumber + 1}` : ""}` : "",
      page: page.url(),
    })
  })
  page.on("pageerror", (error) =>
    errors.push({ text: `uncaught ${error.message}`, where: "", page: page.url() })
  )
}

/**
 * What Vite's dev server logs while it rebuilds its dependencies or reloads
 * the page after someone saved a file: old module URLs answer 404/504. Not
 * the page's fault; the step is run again (as after a server restart).
 */
const DEV_SERVER_NOISE = [
  /Failed to load module script/,
  /Outdated Optimize Dep/,
  /\[vite\]/,
  /createRoot\(\) on a container that has already been passed/,
]
// Only a failed load of a Vite module is noise: React's own warnings are
// also logged from /node_modules/.vite/ and are the page's fault.
const isDevServerNoise = (e) =>
  DEV_SERVER_NOISE.some((re) => re.test(e.text)) ||
  (/^Failed to load resource/.test(e.text) &&
    /\/(node_modules\/\.vite|@vite|@fs|@id)\//.test(e.where))

/**
 * A resource of another site that did not load: Medusa's own pages fetch
 * flag icons from a CDN, which an offline machine cannot reach. Not ours.
 */
const isElsewhere = (e) =>
  /^Failed to load resource/.test(e.text) &&
  /^https?:/.test(e.where) &&
  new URL(e.where).origin !== new URL(BASE).origin

/** The console errors since the last call, as lines; forgets them. */
function takeConsoleErrors(page, allowed = []) {
  const errors = consoleLogs.get(page) || []
  const taken = errors.splice(0, errors.length).filter((e) => !isElsewhere(e))
  if (taken.some(isDevServerNoise)) {
    const error = new Error(
      `the dev server reloaded the page (${taken.find(isDevServerNoise).text.slice(0, 120)})`
    )
    error.devServer = true
    throw error
  }
  return taken
    .filter((e) => !allowed.some((re) => re.test(e.text)))
    .map((e) => `${e.text}${e.where ? ` at ${e.where}` : ""} (on ${e.page})`)
}

/**
 * Logs in through the form. A page loaded while `medusa develop` restarts
 * stays blank, and a login sent then fails: so load it again, a few times.
 */
async function login(page) {
  const email = page.locator('input[name="email"]')
  for (let attempt = 1; ; attempt++) {
    try {
      await waitForServer()
      await page.goto(`${BASE}/app/login`, { waitUntil: "domcontentloaded" })
      // The first load compiles the admin (Vite): be patient. The sidebar's
      // Orders link, found in any language, means still logged in.
      await email
        .or(page.locator('a[href$="/app/orders"]'))
        .first()
        .waitFor({ timeout: 120000 })
      if (!(await email.isVisible())) {
        return // still logged in
      }
      await email.fill(DEMO_ADMIN.email)
      await page.fill('input[name="password"]', DEMO_ADMIN.password)
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/app\/orders/, { timeout: 60000 })
      return
    } catch (error) {
      if (attempt >= 4) throw error
      say(`(login: trying again after: ${error.message.split("\n")[0]})`)
    }
  }
}

/** Waits until the server answers; true if it was down. */
async function waitForServer() {
  const until = Date.now() + 180000
  let down = false
  while (Date.now() < until) {
    try {
      const res = await fetch(`${BASE}/health`)
      if (res.ok) return down
    } catch {}
    down = true
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${BASE} did not come up: is \`npm run dev\` running?`)
}

async function serverRestarted(page) {
  const down = await waitForServer()
  const me = await page.request.get(`${BASE}/admin/users/me`).catch(() => null)
  return down || !me || me.status() === 401
}

/** The admin API with the page's session: the answer's JSON, or throws. */
function adminApi(page, base) {
  return async (method, url, body) => {
    const res = await page.request.fetch(`${base}${url}`, {
      method,
      data: body,
      headers: body ? { "content-type": "application/json" } : undefined,
    })
    const json = await res.json().catch(() => ({}))
    if (!res.ok()) {
      throw new Error(
        `${method} ${url} answered ${res.status()}: ${json.message}`
      )
    }
    return json
  }
}

/** The admin API on BASE: the answer's JSON, or throws. */
const adminJson = (page, method, url, body) =>
  adminApi(page, BASE)(method, url, body)

async function customerByEmail(page, email) {
  const { customers } = await adminJson(
    page,
    "GET",
    `/admin/customers?email=${encodeURIComponent(email)}`
  )
  return customers[0]
}

/** Every field of a record, compared as JSON, but those allowed to change. */
function differences(before, after, changing) {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)])
  const out = []
  for (const field of fields) {
    if (changing.has(field)) continue
    const a = JSON.stringify(before[field] ?? null)
    const b = JSON.stringify(after[field] ?? null)
    if (a !== b) {
      out.push({ field, before: before[field], after: after[field] })
    }
  }
  return out
}

const defaultSay = say

/**
 * Clicks a button (by test id) and waits for the POST to `url` it sends:
 * what was sent, the status and the answer's JSON.
 */
async function submitAndWait(page, testId, url) {
  const answered = page.waitForResponse(
    (res) => res.url().includes(url) && res.request().method() === "POST"
  )
  await page.getByTestId(testId).click()
  const res = await answered
  return {
    status: res.status(),
    sent: res.request().postDataJSON(),
    answer: await res.json().catch(() => ({})),
  }
}

/** As submitAndWait, and throws unless the API accepted it. */
async function saveAndWait(page, testId, url) {
  const result = await submitAndWait(page, testId, url)
  if (result.status >= 400) {
    throw new Error(
      `${testId}: the API answered ${result.status}: ${result.answer.message}`
    )
  }
  return result
}

/**
 * A step's context, for `check(page, ctx)`:
 * - `lang`: "en" or "fa"; `dir`: "ltr" or "rtl";
 * - `tr(key, vars)`: the admin's string in `lang` (./i18n.js);
 * - `shot(name, { of, fullPage })`: saves `${out}/${name}-${lang}.png` (the
 *   full page, or the locator `of`) and, in Persian, runs the Persian check
 *   on the page (./persian-page.js); returns the file;
 * - `say(line)`: prints a line, with the language;
 * - `base`, `out`, `settings` (the settings as read once at the start);
 * - `expectConsoleError(re)`: a console error matching `re` is expected for
 *   the rest of the step (a request the step makes the API refuse logs
 *   "Failed to load resource: ... 400");
 * - `consoleErrors()`: the unexpected console errors since the last check.
 */
function createContext(page, { lang, settings, base = BASE, out = OUT }) {
  const allowed = []
  const ctx = {
    lang,
    dir: lang === "en" ? "ltr" : "rtl",
    tr: translator(lang),
    base,
    out,
    settings,
    say: (line) => say(`[${lang}] ${line}`),
    async shot(name, { of, fullPage = true } = {}) {
      const file = path.join(out, `${name}-${lang}.png`)
      if (of) await of.screenshot({ path: file })
      else await page.screenshot({ path: file, fullPage })
      shots.push(file)
      await assertPersianPage(page, ctx, name)
      return file
    },
    expectConsoleError: (re) => allowed.push(re),
    consoleErrors: () => takeConsoleErrors(page, allowed),
  }
  return ctx
}

/** Every screenshot saved in this run. */
const shots = []

/**
 * Runs one check in one language; if `medusa develop` restarted meanwhile
 * (someone saved a file: the server goes down and its in-memory sessions
 * with it) or Vite reloaded the page, waits, logs in again and runs it once
 * more. In Persian a console error left unchecked at the end fails it; in
 * English it is printed.
 */
async function runStep(page, name, { lang, settings }, check) {
  for (let attempt = 1; ; attempt++) {
    const ctx = createContext(page, { lang, settings })
    try {
      takeConsoleErrors(page) // what came before is not this step's
    } catch {}
    try {
      const result = await check(page, ctx)
      const errors = ctx.consoleErrors()
      if (errors.length && lang === "fa") {
        throw new Error(`${name}: console errors:\n    ${errors.join("\n    ")}`)
      }
      for (const e of errors) ctx.say(`(${name}: console error: ${e})`)
      return result
    } catch (error) {
      // A connection cut mid-request: the server was going down.
      const cut = /ECONNRESET|ECONNREFUSED|socket hang up|net::ERR_(CONNECTION|EMPTY_RESPONSE)/.test(
        error.message
      )
      const restarted = !error.devServer && (await serverRestarted(page))
      if (attempt >= 3 || !(error.devServer || restarted || cut)) {
        throw error
      }
      say(
        `(${name} [${lang}]: the dev server ${restarted || cut ? "restarted" : "reloaded"}, retrying after: ${error.message.split("\n")[0]})`
      )
      await login(page)
    }
  }
}

/**
 * `node scripts/check-admin/<check>.js [http://localhost:9000]`: Debian's
 * headless Chromium, logged in as the demo admin, runs `check(page, ctx)`
 * in each of CHECK_ADMIN_LANGS.
 */
function runAlone(check, name = check.name) {
  ;(async () => {
    fs.mkdirSync(OUT, { recursive: true })
    const { browser, page } = await launchBrowser()
    try {
      await setLanguage(page, LANGS[0])
      await login(page)
      const { settings } = await adminJson(page, "GET", "/admin/loyalty/settings")
      for (const lang of LANGS) {
        await setLanguage(page, lang)
        await runStep(page, name, { lang, settings }, check)
      }
      defaultSay(`screenshots: ${OUT} (${shots.length} saved)`)
    } finally {
      await browser.close()
    }
  })().catch((error) => {
    process.stderr.write(`${error.stack || error}\n`)
    process.exit(1)
  })
}

module.exports = {
  BASE,
  LANGS,
  LATIN_ALLOWED,
  OUT,
  adminApi,
  adminJson,
  assertPersianPage,
  createContext,
  customerByEmail,
  defaultSay,
  differences,
  expect,
  launchBrowser,
  login,
  runAlone,
  runStep,
  saveAndWait,
  say,
  serverRestarted,
  setLanguage,
  shots,
  submitAndWait,
}
