// What the suites import as "@medusajs/test-utils" (jest.config.js maps the
// name here): Medusa's own test utilities, with one change to
// `medusaIntegrationTestRunner`. Its suite used to start from an empty
// database and run every migration of every module (about 7 of the 20
// seconds an HTTP suite takes to start); here the suite's database is a
// copy of a template migrated once per run, so the runner finds nothing to
// migrate. Everything else (the app, the per-test restore from the suite's
// own snapshot) is Medusa's.
//
// The template (named by global-setup.js, dropped by global-teardown.js) is
// made by the first suite that needs it, under an advisory lock the other
// workers wait on: a run of unit specs alone never makes one.
const { execFileSync } = require("child_process")
const path = require("path")
const { Client } = require("pg")

const ROOT = path.join(__dirname, "..")
const medusa = require(path.join(ROOT, "node_modules", "@medusajs", "test-utils", "dist", "index.js"))

// pg_advisory_lock's key for making the template (any fixed number).
const TEMPLATE_LOCK = 1819243399

let suites = 0

function credentials() {
  return {
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || undefined,
  }
}

async function withServer(task) {
  const client = new Client({ ...credentials(), database: "postgres" })
  await client.connect()
  try {
    return await task(client)
  } finally {
    await client.end()
  }
}

// `medusa db:migrate` on a new database, as a shop's first deploy runs it.
async function ensureTemplate(client, template) {
  await client.query(`SELECT pg_advisory_lock($1)`, [TEMPLATE_LOCK])
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template])
    if (rowCount) {
      return
    }
    await client.query(`CREATE DATABASE "${template}"`)
    const { host, port, user, password } = credentials()
    const url = new URL("postgres://localhost")
    url.hostname = host
    url.port = String(port)
    url.username = user
    if (password) url.password = password
    url.pathname = `/${template}`
    const env = { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: "error" }
    delete env.NODE_OPTIONS
    try {
      execFileSync(path.join(ROOT, "node_modules", ".bin", "medusa"), ["db:migrate", "--execute-safe-links"], {
        cwd: ROOT,
        env,
        stdio: ["ignore", "ignore", "inherit"],
      })
    } catch (error) {
      await client.query(`DROP DATABASE IF EXISTS "${template}"`)
      throw error
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock($1)`, [TEMPLATE_LOCK])
  }
}

async function copyTemplate(template, database) {
  await withServer(async (client) => {
    await ensureTemplate(client, template)
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`)
        return
      } catch (error) {
        // 55006: a session is still on the template (its migration's last
        // connection closing); a moment's wait is enough.
        if (error.code !== "55006" || attempt === 40) {
          throw error
        }
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
  })
}

function medusaIntegrationTestRunner(options) {
  const template = process.env.LOYALTY_TEST_TEMPLATE_DB
  if (!template || options.dbName) {
    return medusa.medusaIntegrationTestRunner(options)
  }
  // A name of its own per suite and worker (the runner drops it at the end).
  const dbName = `medusa-loyalty-${process.pid}-${++suites}-integration-${process.env.JEST_WORKER_ID || "1"}`
  const hooks = options.hooks ?? {}
  return medusa.medusaIntegrationTestRunner({
    ...options,
    dbName,
    hooks: {
      ...hooks,
      // Called just before the runner creates the database (a copy already
      // there is kept) and migrates it.
      beforeServerStart: async (container) => {
        await copyTemplate(template, dbName)
        await hooks.beforeServerStart?.(container)
      },
    },
  })
}

module.exports = { ...medusa, medusaIntegrationTestRunner }
