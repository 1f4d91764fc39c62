#!/usr/bin/env node
// `npm start`: the production build (`npm run build`, in .medusa/app) as one
// process. The database is the one in DATABASE_URL, else the embedded
// PostgreSQL `npm run dev` uses; migrations and the demo data first
// (`scripts/entrypoint.sh migrate`), then `scripts/entrypoint.sh shared`:
// the API, the admin at /app, the subscribers and the jobs. For several
// processes run the entrypoint's `server` and `worker` roles with REDIS_URL
// (README, "Running in production").
//
// SIGINT, SIGTERM and SIGHUP stop everything this started: Medusa (its whole
// process group) first, then the embedded PostgreSQL.
const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")
const {
  DEFAULT_DATA_DIR,
  ROOT,
  checkDatabase,
  startEmbedded,
} = require("./lib/database")
const { BUILD_DIR, ADMIN_INDEX } = require("./build")
const { DEMO_ADMIN } = require("../demo/constants")

const ENTRYPOINT = path.join(ROOT, "scripts", "entrypoint.sh")
const PORT = process.env.PORT || "9000"

function log(message) {
  process.stdout.write(`[loyalty-club] ${message}\n`)
}

function fail(message) {
  process.stderr.write(`\n[loyalty-club] ${message}\n\n`)
  process.exit(1)
}

let child
let embedded
let stopping = null

function exited(proc) {
  return proc.exitCode !== null || proc.signalCode !== null
}

// Runs one role of the entrypoint in its own process group, so that a stop
// reaches everything Medusa starts.
function runRole(role, env) {
  child = spawn(ENTRYPOINT, [role], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  })
  return new Promise((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal }))
  )
}

async function stopAll() {
  if (child && !exited(child)) {
    const done = new Promise((resolve) => child.once("exit", resolve))
    const signal = (sig) => {
      try {
        process.kill(-child.pid, sig)
      } catch {}
    }
    // Medusa finishes the requests in flight and closes its connections.
    signal("SIGTERM")
    const timer = new Promise((resolve) => setTimeout(resolve, 20000).unref())
    await Promise.race([done, timer])
    if (!exited(child)) {
      log("Medusa did not stop within 20 s: killing it.")
      signal("SIGKILL")
      await done
    }
  }
  if (embedded) await embedded.stop().catch(() => {})
}

function onSignal(signal) {
  if (stopping) return
  log(`${signal}: stopping Medusa and the database...`)
  stopping = stopAll().then(() => {
    log("Stopped.")
    process.exit(0)
  })
}

async function waitForHealth(proc) {
  const deadline = Date.now() + 180000
  while (Date.now() < deadline && !exited(proc)) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/health`)
      if (res.ok) return true
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

async function main() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => onSignal(signal))
  }
  // package.json runs us with `exec`, so npm's signals reach us; losing our
  // parent anyway (npm killed) is a signal to stop too.
  const parentPid = process.ppid
  setInterval(() => {
    if (!stopping && process.ppid !== parentPid) onSignal("parent process exited")
  }, 500).unref()
  process.stdout.on("error", () => {})
  process.stderr.on("error", () => {})

  if (!fs.existsSync(path.join(BUILD_DIR, "medusa-config.js")) || !fs.existsSync(ADMIN_INDEX)) {
    fail("No build in .medusa/app: run `npm run build` first.")
  }

  let url = process.env.DATABASE_URL
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
      embedded = await startEmbedded({ handleSignals: false })
    } catch (error) {
      fail(`The embedded PostgreSQL did not start: ${error?.message || error}`)
    }
    url = embedded.url
  }
  if (stopping) return

  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT,
    // Receipt and claim links in SMS point at this store, whatever its port.
    LOYALTY_PUBLIC_URL: process.env.LOYALTY_PUBLIC_URL || `http://localhost:${PORT}`,
    LOYALTY_SEED: process.env.LOYALTY_SEED || "true",
    // A browser on http://localhost keeps the admin's session only in a
    // cookie that is not marked Secure (medusa-config.ts).
    COOKIE_SECURE: process.env.COOKIE_SECURE || "false",
  }

  log("Running migrations and the demo data...")
  const migrated = await runRole("migrate", env)
  if (stopping) return
  if (migrated.code !== 0) {
    await stopAll()
    fail(`Migrations failed (${migrated.signal || `exit code ${migrated.code}`}).`)
  }

  const served = runRole("shared", env)
  const server = child
  served.then(async ({ code, signal }) => {
    if (stopping) return
    log(`Medusa stopped (${signal || `exit code ${code}`}).`)
    await stopAll()
    process.exit(code || 1)
  })
  if (await waitForHealth(server)) {
    log("")
    log(`Store is up:   http://localhost:${PORT}`)
    log(`Admin:         http://localhost:${PORT}/app`)
    if (env.LOYALTY_SEED === "true") {
      log(`Admin login:   ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`)
    }
    log("")
  }
}

main().catch((error) => fail(error?.message || String(error)))
