#!/usr/bin/env node
// `npm run bench -- <name> [args]` runs bench/<name>.bench.{js,ts}.
// `npm run bench -- --quick` runs every benchmark at its small size, one
// after the other (what CI runs): each checks its own result (counts,
// balances) and exits non-zero on a wrong one, a crash or running out of
// memory; timings are printed, never checked.
// Every benchmark prints its figures as `name: value unit` lines.
const { spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")

const [name, ...args] = process.argv.slice(2)
const available = fs
  .readdirSync(__dirname)
  .filter((f) => /\.bench\.(js|ts)$/.test(f))
  .map((f) => f.replace(/\.bench\.(js|ts)$/, ""))
  .sort()

function run(bench, benchArgs) {
  const file = fs.existsSync(path.join(__dirname, `${bench}.bench.ts`))
    ? path.join(__dirname, `${bench}.bench.ts`)
    : path.join(__dirname, `${bench}.bench.js`)
  const result = spawnSync(
    process.execPath,
    file.endsWith(".ts")
      ? ["-r", "ts-node/register/transpile-only", file, ...benchArgs]
      : [file, ...benchArgs],
    { stdio: "inherit", env: process.env }
  )
  return result.status ?? 1
}

async function quickRun() {
  // One database server for all of them (see bench/lib/fresh-store.js).
  const work = fs.mkdtempSync(path.join(require("os").tmpdir(), "loyalty-club-bench-"))
  fs.chmodSync(work, 0o777)
  const { startEmbedded } = require("../scripts/lib/database")
  const db = await startEmbedded({ dataDir: path.join(work, "pgdata"), database: "postgres", persistent: false })
  process.env.BENCH_SHARED_SERVER = db.url
  const started = Date.now()
  const failed = []
  try {
    for (const bench of available) {
      process.stdout.write(`\n== ${bench} (--quick)\n`)
      const t = Date.now()
      const status = run(bench, ["--quick", ...args])
      process.stdout.write(`== ${bench}: ${status === 0 ? "ok" : `FAILED (exit ${status})`} in ${((Date.now() - t) / 1000).toFixed(0)} s\n`)
      if (status !== 0) {
        failed.push(bench)
      }
    }
  } finally {
    await db.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
  process.stdout.write(
    `\nbenchmarks (--quick): ${available.length - failed.length} of ${available.length} ok in ${((Date.now() - started) / 1000).toFixed(0)} s${failed.length ? `; failed: ${failed.join(", ")}` : ""}\n`
  )
  return failed.length ? 1 : 0
}

if (name === "--quick") {
  quickRun().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`bench failed: ${error.message}\n`)
      process.exit(1)
    }
  )
} else if (!name || !available.includes(name)) {
  process.stderr.write(
    `usage: npm run bench -- <name> [--quick] [args]\n       npm run bench -- --quick   (every benchmark, small)\navailable: ${available.join(", ") || "(none)"}\n`
  )
  process.exit(name ? 1 : 0)
} else {
  process.exit(run(name, args))
}
