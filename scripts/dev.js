#!/usr/bin/env node
// `npm run dev`: database (embedded unless DATABASE_URL is set), migrations,
// demo data once, then Medusa (`medusa start` in development mode, admin at
// /app), restarted when the plugin's code changes.
//
// Not `medusa develop`: its watcher watches the whole project except a fixed
// list, so `npm run dev > dev.log` restarts the server on every log line it
// writes itself. Here only src/ (without src/admin, which the admin's own dev
// server reloads) and medusa-config.ts restart it; logs, .pgdata, .medusa and
// anything else written inside the project never do.
//
// Beside the store it starts the demo storefront (storefront/, Next.js) on
// STOREFRONT_PORT (8000), with the demo's publishable key, and a demo phone
// for the store's SMS (storefront/demo/sms-inbox.js) unless LOYALTY_SMS_GATEWAY
// names a real gateway.
//
// SIGINT, SIGTERM and SIGHUP stop everything this started: Medusa and the
// storefront (their whole process groups) first, then the embedded PostgreSQL.
const { spawn } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const {
  DEFAULT_DATA_DIR,
  ROOT,
  checkDatabase,
  startEmbedded,
} = require("./lib/database")
const { DEMO_ADMIN } = require("../demo/constants")

const PORT = process.env.PORT || "9000"
const STOREFRONT_PORT = process.env.STOREFRONT_PORT || "8000"
const STOREFRONT_DIR = path.join(ROOT, "storefront")
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next")
const STATE_FILE = path.join(DEFAULT_DATA_DIR, "dev-state.json")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")

function log(message) {
  process.stdout.write(`[loyalty-club] ${message}\n`)
}

function fail(message) {
  process.stderr.write(`\n[loyalty-club] ${message}\n\n`)
  process.exit(1)
}

// Every child still running, so a signal can stop them all.
const children = new Set()
let stopping = null

function track(child) {
  children.add(child)
  child.once("exit", () => children.delete(child))
  return child
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(MEDUSA_BIN, args, { cwd: ROOT, env, stdio: "inherit" })
    )
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`medusa ${args.join(" ")} exited with ${code}`))
    )
  })
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null
}

// Stops a child and, for the server, every process in its group; after
// `timeoutMs` it is killed.
async function stopChild(child, timeoutMs = 20000) {
  const signal = (sig) => {
    try {
      if (child.detached) process.kill(-child.pid, sig)
      else child.kill(sig)
    } catch {}
  }
  if (!exited(child)) {
    const done = new Promise((resolve) => child.once("exit", resolve))
    signal("SIGTERM")
    const timer = new Promise((resolve) =>
      setTimeout(resolve, timeoutMs).unref()
    )
    await Promise.race([done, timer])
    if (!exited(child)) {
      log(`${child.label || "Medusa"} did not stop within ${timeoutMs / 1000} s: killing it.`)
      signal("SIGKILL")
      await done
    }
  }
  // Whatever the server itself started (workers, esbuild) goes with it.
  if (child.detached) signal("SIGKILL")
}

// A hash of the files under `dirs` (those whose path matches `only`), so a
// step whose sources did not change can be skipped.
function fingerprint(dirs, { only = /./, extra = "" } = {}) {
  const hash = crypto.createHash("sha256")
  hash.update(extra)
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (only.test(full)) {
        hash.update(full)
        hash.update(fs.readFileSync(full))
      }
    }
  }
  dirs.forEach((d) => walk(path.join(ROOT, d)))
  return hash.digest("hex")
}

// Migrations take ~15 s even when there is nothing to do, so a second start
// skips them unless the schema sources or Medusa itself changed.
const schemaFingerprint = () =>
  fingerprint(["src/modules", "src/links"], {
    only: /migrations|links/,
    extra: require(path.join(ROOT, "node_modules/@medusajs/medusa/package.json")).version,
  })

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"))
  } catch {
    return {}
  }
}

function writeState(state) {
  fs.mkdirSync(DEFAULT_DATA_DIR, { recursive: true })
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2))
}

// The seed is idempotent but boots Medusa (~10 s), so it runs again only when
// the demo data or the plugin's workflows changed.
const seedFingerprint = () => fingerprint(["demo", "src/workflows"])

async function waitForHealth(child) {
  const deadline = Date.now() + 180000
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`http://localhost:${PORT}/health`)
      if (res.ok) return true
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

// Restart on changes to the plugin's code and the store's config only.
// (paths relative to src/: the admin, tests, dotfiles, logs, editor backups).
// The storefront kit (src/storefront) is not loaded by Medusa: the demo
// storefront's own dev server reloads it.
const WATCH_IGNORED =
  /^(admin|storefront)([\\/]|$)|(^|[\\/])(__tests__([\\/]|$)|\.)|(\.log|~|\.swp)$/
const CONFIG_FILES = new Set(["medusa-config.ts", "medusa-config.js"])

function watchSources(onChange) {
  const watchers = [
    fs.watch(path.join(ROOT, "src"), { recursive: true }, (_, file) => {
      if (file && !WATCH_IGNORED.test(file)) onChange(path.join("src", file))
    }),
    fs.watch(ROOT, (_, file) => {
      if (file && CONFIG_FILES.has(file)) onChange(file)
    }),
  ]
  watchers.forEach((w) => w.on("error", () => {}))
  return { close: () => watchers.forEach((w) => w.close()) }
}

// The demo storefront's publishable key, as the seed made it.
async function readPublishableKey(url) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(
      `SELECT token FROM api_key
        WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL
        ORDER BY (title = 'Demo storefront') DESC, created_at
        LIMIT 1`
    )
    return rows[0]?.token ?? null
  } finally {
    await client.end().catch(() => {})
  }
}

// `next dev` for storefront/, in its own process group like Medusa. It
// passes /store and /auth to Medusa itself, so it may start before the store
// is up. Resolves with the address it serves once it says so.
function startStorefront(env, onExit) {
  const child = track(
    spawn(NEXT_BIN, ["dev", STOREFRONT_DIR, "-p", STOREFRONT_PORT], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    })
  )
  child.detached = true
  child.label = "The storefront"
  let announced = false
  const ready = new Promise((resolve) => {
    const read = (stream, out) => {
      let buffer = ""
      stream.on("data", (chunk) => {
        buffer += chunk.toString()
        const lines = buffer.split("\n")
        buffer = lines.pop()
        for (const line of lines) {
          out.write(`[storefront] ${line}\n`)
          const local = /Local:\s+(http:\/\/\S+)/.exec(line)
          if (local && !announced) {
            announced = true
            resolve(local[1])
          }
        }
      })
    }
    read(child.stdout, process.stdout)
    read(child.stderr, process.stderr)
    child.once("exit", (code, signal) => {
      if (!announced) resolve(null)
      onExit(code, signal)
    })
  })
  return ready
}

async function main() {
  let url = process.env.DATABASE_URL
  let embedded
  let embeddedStarting
  let server
  let watcher
  let restartTimer
  let inbox

  const stopAll = async () => {
    watcher?.close()
    clearTimeout(restartTimer)
    await Promise.all([...children].map((child) => stopChild(child)))
    await inbox?.close()
    const db = embedded || (await embeddedStarting?.catch(() => undefined))
    if (db) await db.stop().catch(() => {})
  }

  let firstSignalAt = 0
  const onSignal = (signal) => {
    if (stopping) {
      // A terminal's Ctrl-C reaches us twice (directly and through npm); a
      // later, deliberate second signal stops at once.
      if (Date.now() - firstSignalAt > 2000) {
        for (const child of children) {
          try {
            process.kill(child.detached ? -child.pid : child.pid, "SIGKILL")
          } catch {}
        }
        process.exit(1)
      }
      return
    }
    firstSignalAt = Date.now()
    log(`${signal}: stopping Medusa and the database...`)
    stopping = stopAll().then(() => {
      log("Stopped.")
      process.exit(0)
    })
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => onSignal(signal))
  }
  // package.json runs us with `exec` so that the signals npm forwards reach
  // us, not a `sh -c` that dies on SIGTERM (or sits on SIGINT) and leaves us
  // running. Losing our parent anyway (npm killed) is a signal to stop too.
  const parentPid = process.ppid
  setInterval(() => {
    if (!stopping && process.ppid !== parentPid) onSignal("parent process exited")
  }, 500).unref()
  // With our parent gone, a write to a closed pipe must not crash us halfway.
  process.stdout.on("error", () => {})
  process.stderr.on("error", () => {})

  if (url) {
    log("Using the database in DATABASE_URL.")
    try {
      await checkDatabase(url)
    } catch (error) {
      fail(`${error.message}\nCheck DATABASE_URL, or unset it to use the embedded database.`)
    }
  } else {
    log(`Starting the embedded PostgreSQL (data in ${path.relative(ROOT, DEFAULT_DATA_DIR)}/)...`)
    try {
      embeddedStarting = startEmbedded({ handleSignals: false })
      embedded = await embeddedStarting
    } catch (error) {
      if (stopping) return
      fail(`The embedded PostgreSQL did not start: ${error?.message || error}`)
    }
    url = embedded.url
  }
  if (stopping) return

  // Receipt and claim links in SMS point at this store, whatever its port.
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT,
    LOYALTY_PUBLIC_URL: process.env.LOYALTY_PUBLIC_URL || `http://localhost:${PORT}`,
  }

  try {
    const state = readState()
    const fingerprint = schemaFingerprint()
    if (state[url] !== fingerprint) {
      log("Running migrations...")
      await run(["db:migrate", "--execute-safe-links"], env)
      writeState({ ...readState(), [url]: fingerprint })
    } else {
      log("Schema is up to date, skipping migrations.")
    }

    const seed = seedFingerprint()
    if (state[`seed:${url}`] !== seed) {
      log("Seeding demo data...")
      await run(["exec", "./demo/seed.ts"], env)
      writeState({ ...readState(), [`seed:${url}`]: seed })
    } else {
      log("Demo data is up to date.")
    }
  } catch (error) {
    if (stopping) return
    await stopAll()
    fail(error.message)
  }
  if (stopping) return

  // The demo phone: the server's SMS go to it (the seed above wrote its own
  // to the log), so the demo storefront can show a texted code.
  const serverEnv = { ...env }
  if (!process.env.LOYALTY_SMS_GATEWAY && fs.existsSync(STOREFRONT_DIR)) {
    const { startSmsInbox } = require(path.join(STOREFRONT_DIR, "demo", "sms-inbox.js"))
    inbox = await startSmsInbox({ log: (line) => process.stdout.write(`${line}\n`) })
    Object.assign(serverEnv, inbox.env)
  }
  if (stopping) return

  let storefront = null
  if (fs.existsSync(STOREFRONT_DIR) && fs.existsSync(NEXT_BIN)) {
    const publishableKey = await readPublishableKey(url).catch(() => null)
    storefront = startStorefront(
      {
        ...process.env,
        NODE_ENV: "development",
        MEDUSA_BACKEND_URL: `http://localhost:${PORT}`,
        MEDUSA_PUBLISHABLE_KEY: publishableKey ?? "",
        ...(inbox ? { DEMO_SMS_INBOX_URL: inbox.url } : {}),
        NEXT_TELEMETRY_DISABLED: "1",
      },
      (code, signal) => {
        if (!stopping) log(`The storefront stopped (${signal || `exit code ${code}`}).`)
      }
    )
  }

  // What `medusa develop` runs, in its own process group so that a stop
  // reaches everything it starts. Its stdin is not the terminal's: a
  // background group reading the terminal would be suspended.
  const startServer = () => {
    server = track(
      spawn(MEDUSA_BIN, ["start"], {
        cwd: ROOT,
        env: { ...serverEnv, NODE_ENV: "development" },
        stdio: ["ignore", "inherit", "inherit"],
        detached: true,
      })
    )
    server.detached = true
    server.once("exit", (code, signal) => {
      if (!stopping && !server.restarting) {
        log(
          `Medusa stopped (${signal || `exit code ${code}`}); it starts again when a file in src/ or medusa-config.ts changes.`
        )
      }
    })
    return server
  }

  let restarting = false
  let pendingChange
  const restart = async () => {
    if (restarting) return
    restarting = true
    while (pendingChange && !stopping) {
      const file = pendingChange
      pendingChange = undefined
      log(`${file} changed: restarting Medusa...`)
      server.restarting = true
      await stopChild(server)
      if (!stopping) startServer()
    }
    restarting = false
  }
  watcher = watchSources((file) => {
    if (stopping) return
    pendingChange = file
    clearTimeout(restartTimer)
    // Editors and `git checkout` write several files at once: one restart.
    restartTimer = setTimeout(restart, 300)
  })

  if (await waitForHealth(startServer())) {
    log("")
    log(`Store is up:   http://localhost:${PORT}`)
    log(`Admin:         http://localhost:${PORT}/app`)
    log(`Admin login:   ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`)
    log("")
  }
  const storefrontUrl = storefront && (await storefront)
  if (storefrontUrl && !stopping) {
    log(`Storefront:    ${storefrontUrl} (the demo shop, Persian; English from its header)`)
    log("")
  }
}

main().catch((error) => fail(error?.message || String(error)))
