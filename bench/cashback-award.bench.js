#!/usr/bin/env node
// Cashback award benchmark (issue: "Cashback rules and awarding"). Starts a
// throwaway embedded PostgreSQL, migrates and seeds the demo store, then runs
// bench/lib/award-exec.ts inside it with `medusa exec`:
// - placement: completing prepared carts with the plugin's order.placed
//   subscriber registered vs not, interleaved rounds in the same run;
// - award: awardOrderCashbackWorkflow over the placed orders (orders/s).
//   npm run bench -- cashback-award [--orders 2000] [--placements 200] [--concurrency 4]
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
    execFileSync(medusa, ["db:migrate", "--execute-safe-links"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    })
    execFileSync(medusa, ["exec", "./demo/seed.ts"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] })
    execFileSync(medusa, ["exec", "./bench/lib/award-exec.ts"], {
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
