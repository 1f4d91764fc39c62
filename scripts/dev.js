#!/usr/bin/env node
// `npm run dev`: database (embedded unless DATABASE_URL is set), migrations,
// demo data once, then `medusa develop` with the admin at /app.
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
const STATE_FILE = path.join(DEFAULT_DATA_DIR, "dev-state.json")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")

function log(message) {
  process.stdout.write(`[loyalty-club] ${message}\n`)
}

function fail(message) {
  process.stderr.write(`\n[loyalty-club] ${message}\n\n`)
  process.exit(1)
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(MEDUSA_BIN, args, { cwd: ROOT, env, stdio: "inherit" })
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`medusa ${args.join(" ")} exited with ${code}`))
    )
  })
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

async function main() {
  let url = process.env.DATABASE_URL
  let embedded
  if (url) {
    log("Using the database in DATABASE_URL.")
    try {
      await checkDatabase(url)
    } catch (error) {
      fail(`${error.message}\nCheck DATABASE_URL, or unset it to use the embedded database.`)
    }
  } else {
    log("Starting the embedded PostgreSQL (data in .pgdata/)...")
    try {
      embedded = await startEmbedded()
    } catch (error) {
      fail(`The embedded PostgreSQL did not start: ${error?.message || error}`)
    }
    url = embedded.url
  }

  const env = { ...process.env, DATABASE_URL: url, PORT }
  const stop = async () => {
    if (embedded) await embedded.stop().catch(() => {})
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
    await stop()
    fail(error.message)
  }

  const medusa = spawn(MEDUSA_BIN, ["develop"], { cwd: ROOT, env, stdio: "inherit" })
  const shutdown = async () => {
    medusa.kill("SIGTERM")
  }
  process.on("SIGINT", shutdown)
  process.on("SIGTERM", shutdown)
  medusa.on("exit", async (code) => {
    await stop()
    process.exit(code ?? 0)
  })

  if (await waitForHealth(medusa)) {
    log("")
    log(`Store is up:   http://localhost:${PORT}`)
    log(`Admin:         http://localhost:${PORT}/app`)
    log(`Admin login:   ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`)
    log("")
  }
}

main().catch((error) => fail(error?.message || String(error)))
