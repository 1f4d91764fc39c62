#!/usr/bin/env node
// Wallet ledger benchmark (issue: "Wallet ledger"). Starts a throwaway
// embedded PostgreSQL, migrates a Medusa app with the plugin, then runs
// bench/lib/wallet-exec.js inside it with `medusa exec`. Each figure is the
// plugin's operation against the same operation written as plain SQL on the
// same database in the same run.
//   npm run bench -- wallet [--wallets 10000] [--lots 1000000] [--debits 4000]
const { execFileSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { ROOT, startEmbedded } = require("../scripts/lib/database")

async function main() {
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
    }
    delete env.NODE_OPTIONS
    const medusa = path.join(ROOT, "node_modules", ".bin", "medusa")
    process.stderr.write("bench: migrating a fresh database...\n")
    execFileSync(medusa, ["db:migrate", "--execute-safe-links"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    })
    execFileSync(medusa, ["exec", "./bench/lib/wallet-exec.js"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    })
  } finally {
    await db.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.message}\n`)
  process.exit(1)
})
