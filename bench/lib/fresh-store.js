// Runs a benchmark inside a throwaway Medusa app: starts an embedded
// PostgreSQL in a temp dir, migrates (and seeds the demo store when asked),
// then runs `exec` with `medusa exec`, the benchmark's arguments passed in
// BENCH_ARGS. Everything is removed afterwards.
//
// Under `npm run bench -- --quick` (BENCH_SHARED_SERVER set by bench/run.js)
// the benchmarks share one server: the first migrates a template database
// (and the first seeded one a seeded template), each benchmark then gets a
// fresh copy of it, dropped afterwards. Same fresh store, one migration.
const { execFileSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { ROOT, startEmbedded } = require("../../scripts/lib/database")

const medusa = path.join(ROOT, "node_modules", ".bin", "medusa")

function appEnv(url, extraEnv = {}) {
  const env = {
    ...process.env,
    DATABASE_URL: url,
    LOG_LEVEL: "error",
    BENCH_ARGS: JSON.stringify(process.argv.slice(2)),
    ...extraEnv,
  }
  delete env.NODE_OPTIONS
  delete env.BENCH_SHARED_SERVER
  return env
}

function prepare(url, seed) {
  const quiet = { cwd: ROOT, env: appEnv(url), stdio: ["ignore", "ignore", "inherit"] }
  process.stderr.write(`bench: migrating${seed ? " and seeding" : ""} a fresh database...\n`)
  execFileSync(medusa, ["db:migrate", "--execute-safe-links"], quiet)
  if (seed) {
    execFileSync(medusa, ["exec", "./demo/seed.ts"], quiet)
  }
}

function runExec(url, exec, extraEnv) {
  execFileSync(medusa, ["exec", exec], {
    cwd: ROOT,
    env: appEnv(url, extraEnv),
    stdio: ["ignore", "inherit", "inherit"],
  })
}

async function runInSharedServer(serverUrl, { exec, seed = false, env: extraEnv = {} }) {
  const { Client } = require("pg")
  const admin = new Client({ connectionString: serverUrl })
  await admin.connect()
  const urlOf = (database) => {
    const u = new URL(serverUrl)
    u.pathname = `/${database}`
    return u.toString()
  }
  const exists = async (database) =>
    (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])).rowCount > 0
  try {
    // The migrated template, then (for benchmarks in the demo store) a
    // seeded copy of it.
    if (!(await exists("loyalty_bench_template"))) {
      await admin.query("CREATE DATABASE loyalty_bench_template")
      prepare(urlOf("loyalty_bench_template"), false)
    }
    const template = seed ? "loyalty_bench_seeded" : "loyalty_bench_template"
    if (seed && !(await exists(template))) {
      await admin.query(`CREATE DATABASE ${template} TEMPLATE loyalty_bench_template`)
      process.stderr.write("bench: seeding the demo store...\n")
      execFileSync(medusa, ["exec", "./demo/seed.ts"], {
        cwd: ROOT,
        env: appEnv(urlOf(template)),
        stdio: ["ignore", "ignore", "inherit"],
      })
    }
    const database = `loyalty_bench_${process.pid}`
    await admin.query(`DROP DATABASE IF EXISTS ${database}`)
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`)
    try {
      runExec(urlOf(database), exec, extraEnv)
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    }
  } finally {
    await admin.end()
  }
}

async function runInFreshStore({ exec, seed = false, env: extraEnv = {} }) {
  if (process.env.BENCH_SHARED_SERVER) {
    return await runInSharedServer(process.env.BENCH_SHARED_SERVER, { exec, seed, env: extraEnv })
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-club-bench-"))
  fs.chmodSync(work, 0o777)
  const db = await startEmbedded({
    dataDir: path.join(work, "pgdata"),
    database: "loyalty_bench",
    persistent: false,
  })
  try {
    prepare(db.url, seed)
    runExec(db.url, exec, extraEnv)
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

module.exports = { runInFreshStore, main, startEmbedded }
