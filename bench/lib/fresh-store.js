// Runs a benchmark inside a throwaway Medusa app: starts an embedded
// PostgreSQL in a temp dir, migrates (and seeds the demo store when asked),
// then runs `exec` with `medusa exec`, the benchmark's arguments passed in
// BENCH_ARGS. Everything is removed afterwards.
const { execFileSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { ROOT, startEmbedded } = require("../../scripts/lib/database")

async function runInFreshStore({ exec, seed = false, env: extraEnv = {} }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-club-bench-"))
  fs.chmodSync(work, 0o777)
  const db = await startEmbedded({
    dataDir: path.join(work, "pgdata"),
    database: "loyalty_bench",
    persistent: false,
  })
  try {
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      LOG_LEVEL: "error",
      BENCH_ARGS: JSON.stringify(process.argv.slice(2)),
      ...extraEnv,
    }
    delete env.NODE_OPTIONS
    const medusa = path.join(ROOT, "node_modules", ".bin", "medusa")
    const quiet = { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] }
    process.stderr.write(`bench: migrating${seed ? " and seeding" : ""} a fresh database...\n`)
    execFileSync(medusa, ["db:migrate", "--execute-safe-links"], quiet)
    if (seed) {
      execFileSync(medusa, ["exec", "./demo/seed.ts"], quiet)
    }
    execFileSync(medusa, ["exec", exec], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] })
  } finally {
    await db.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
}

function main(options) {
  runInFreshStore(options).catch((error) => {
    process.stderr.write(`bench failed: ${error.message}\n`)
    process.exit(1)
  })
}

module.exports = { runInFreshStore, main }
