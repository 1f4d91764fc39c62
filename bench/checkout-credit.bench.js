#!/usr/bin/env node
// Checkout with wallet credit vs the same checkout without it (issue: "Pay
// with wallet credit at checkout"). Starts a throwaway embedded PostgreSQL,
// migrates and seeds the demo store, then runs bench/lib/checkout-exec.ts
// inside it with `medusa exec`: prepared carts completed alternately with
// and without credit, median completion time of each.
//   npm run bench -- checkout-credit [--checkouts 30]
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
    process.stderr.write("bench: migrating and seeding a fresh database...\n")
    execFileSync(medusa, ["db:migrate", "--execute-safe-links"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] })
    execFileSync(medusa, ["exec", "./demo/seed.ts"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] })
    execFileSync(medusa, ["exec", "./bench/lib/checkout-exec.ts"], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] })
  } finally {
    await db.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.message}\n`)
  process.exit(1)
})
