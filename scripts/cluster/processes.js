// The cluster's processes: embedded PostgreSQL, Redis, and the app's
// `migrate`, `server` and `worker` started the way the Dockerfile starts them
// (scripts/entrypoint.sh). Every process logs to its own file in the run's
// temp dir, so a failure can point at it.
const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")
const { ROOT, freePort, startEmbedded } = require("../lib/database")
const { BUILD_DIR } = require("../build")

const ENTRYPOINT = path.join(ROOT, "scripts", "entrypoint.sh")

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null
}

/** The last `lines` lines of a log file. */
function tail(file, lines = 30) {
  try {
    const text = fs.readFileSync(file, "utf8").trimEnd().split("\n")
    return text.slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

class Cluster {
  constructor({ dir, log }) {
    this.dir = dir
    this.log = log
    // name -> { child, logFile, role, port }
    this.apps = new Map()
    this.children = new Set()
    this.logFiles = []
    this.postgres = undefined
    this.redisUrl = undefined
  }

  logFile(name) {
    const file = path.join(this.dir, `${name}.log`)
    if (!this.logFiles.includes(file)) this.logFiles.push(file)
    return file
  }

  // A child in its own process group, so that a kill reaches whatever it
  // started too, with stdout and stderr appended to its log file.
  spawnLogged(name, command, args, { env, cwd = ROOT } = {}) {
    const file = this.logFile(name)
    const fd = fs.openSync(file, "a")
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ["ignore", fd, fd],
      detached: true,
    })
    fs.closeSync(fd)
    this.children.add(child)
    child.once("exit", () => this.children.delete(child))
    child.logFile = file
    return child
  }

  async startPostgres() {
    const dataDir = path.join(this.dir, "pgdata")
    const logFile = this.logFile("postgres")
    this.postgres = await startEmbedded({
      dataDir,
      database: "loyalty_cluster",
      persistent: false,
      handleSignals: false,
      onLog: (line) => fs.appendFileSync(logFile, `${line}\n`),
    })
    return this.postgres.url
  }

  async startRedis() {
    if (process.env.REDIS_URL) {
      this.redisUrl = process.env.REDIS_URL
      this.log(`Redis: ${this.redisUrl} (REDIS_URL)`)
      return this.redisUrl
    }
    const port = await freePort()
    const child = this.spawnLogged("redis", "redis-server", [
      "--port", String(port),
      "--bind", "127.0.0.1",
      "--save", "",
      "--appendonly", "no",
    ], { env: process.env })
    const failed = new Promise((_, reject) => {
      child.once("error", (error) =>
        reject(new Error(`redis-server could not start (${error.message}): install Redis or set REDIS_URL`))
      )
    })
    const ready = (async () => {
      const deadline = Date.now() + 10000
      while (Date.now() < deadline && !exited(child)) {
        if (/Ready to accept connections/.test(tail(child.logFile, 50))) return
        await sleep(100)
      }
      throw new Error(`redis-server did not start; see ${child.logFile}:\n${tail(child.logFile)}`)
    })()
    await Promise.race([ready, failed])
    this.redis = child
    this.redisUrl = `redis://127.0.0.1:${port}`
    this.log(`Redis: ${this.redisUrl} (redis-server, no persistence)`)
    return this.redisUrl
  }

  appEnv(extra = {}) {
    const env = {
      ...process.env,
      DATABASE_URL: this.postgres.url,
      REDIS_URL: this.redisUrl,
      JWT_SECRET: "cluster-test-jwt-secret",
      COOKIE_SECRET: "cluster-test-cookie-secret",
      NODE_ENV: "production",
      ...extra,
    }
    delete env.NODE_OPTIONS
    return env
  }

  entrypoint(name, mode, env, args = []) {
    if (!fs.existsSync(ENTRYPOINT)) {
      throw new Error(`${path.relative(ROOT, ENTRYPOINT)} is missing: the cluster runs the app through it`)
    }
    return this.spawnLogged(name, "bash", [ENTRYPOINT, mode, ...args], { env })
  }

  /** `entrypoint.sh exec <script> [args]`: resolves with its exit code. */
  exec(name, script, args = [], extraEnv = {}) {
    const child = this.entrypoint(name, "exec", this.appEnv(extraEnv), [script, ...args])
    return new Promise((resolve) => {
      child.once("error", () => resolve({ code: -1, child }))
      child.once("exit", (code, signal) => resolve({ code: signal || code, child }))
    })
  }

  /** `entrypoint.sh migrate` with the demo seed; resolves when it exits 0. */
  async migrate(extraEnv = {}) {
    const child = this.entrypoint("migrate", "migrate", this.appEnv({ LOYALTY_SEED: "true", ...extraEnv }))
    const code = await new Promise((resolve) => {
      child.once("error", () => resolve(-1))
      child.once("exit", (c, s) => resolve(s || c))
    })
    if (code !== 0) {
      throw new Error(`entrypoint.sh migrate failed (${code}); see ${child.logFile}:\n${tail(child.logFile)}`)
    }
  }

  /** Starts (or restarts) app process `name` as `role` (server|worker). */
  async startApp(name, role, extraEnv = {}) {
    const previous = this.apps.get(name)
    const port = previous?.port ?? (await freePort())
    const child = this.entrypoint(name, role, this.appEnv({ PORT: String(port), ...extraEnv }))
    fs.appendFileSync(child.logFile, `\n=== cluster test: ${name} (${role}) started on port ${port} at ${new Date().toISOString()} ===\n`)
    const app = { name, role, port, child, env: extraEnv, url: `http://127.0.0.1:${port}` }
    this.apps.set(name, app)
    return app
  }

  async waitHealthy(app, timeoutMs = 180000) {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (exited(app.child)) {
        throw new Error(`${app.name} exited (${app.child.signalCode || app.child.exitCode}) before it was up; see ${app.child.logFile}:\n${tail(app.child.logFile)}`)
      }
      try {
        const res = await fetch(`${app.url}/health`, { signal: AbortSignal.timeout(2000) })
        if (res.ok) return
      } catch {}
      await sleep(300)
    }
    throw new Error(`${app.name} was not up within ${timeoutMs / 1000} s; see ${app.child.logFile}:\n${tail(app.child.logFile)}`)
  }

  /** SIGKILL to the app's whole process group: a crash, nothing cleaned up. */
  async kill(name) {
    const app = this.apps.get(name)
    const child = app.child
    const done = new Promise((resolve) => (exited(child) ? resolve() : child.once("exit", resolve)))
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {}
    await done
    fs.appendFileSync(child.logFile, `\n=== cluster test: ${name} killed with SIGKILL at ${new Date().toISOString()} ===\n`)
  }

  async stopChild(child, timeoutMs = 10000) {
    if (exited(child)) return
    const done = new Promise((resolve) => child.once("exit", resolve))
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
    await Promise.race([done, sleep(timeoutMs)])
    if (!exited(child)) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
      await done
    }
  }

  /** Stops every process this run started, the database last. */
  async stopAll() {
    const apps = [...this.children].filter((c) => c !== this.redis)
    await Promise.all(apps.map((c) => this.stopChild(c)))
    if (this.redis) await this.stopChild(this.redis)
    if (this.postgres) await this.postgres.stop().catch(() => {})
  }

  /** Where to look when something failed: each log and its last lines. */
  describeLogs(lines = 15) {
    return this.logFiles
      .map((file) => `--- ${file} (last ${lines} lines)\n${tail(file, lines)}`)
      .join("\n")
  }
}

module.exports = { BUILD_DIR, Cluster, ENTRYPOINT, exited, sleep, tail }
