#!/usr/bin/env node
// Checks `npm run dev` the way a process manager runs it, in a copy of the
// project (the committed files, with this tree's scripts/, package.json and
// medusa-config.ts on top) so edits in this tree cannot restart it:
//   1. output to a log file inside the project (`npm run dev > dev.log`): the
//      server starts once and is not restarted by its own log, by the embedded
//      database's files, by .medusa or by a stray log file;
//   2. a change to medusa-config.ts does restart it, once;
//   3. SIGTERM to the npm process stops everything it started (Medusa and
//      the embedded PostgreSQL): nothing is left in `ps`.
// The copy lives in $TMPDIR/loyalty-club-dev-check and keeps its .pgdata, so
// only the first run migrates and seeds (about 2 minutes; then about 1).
// CHECK_DEV_FROM_HEAD=1 checks the committed scripts instead of this tree's;
// CHECK_DEV_SIGNAL=SIGINT sends that signal instead, CHECK_DEV_TARGET=node
// sends it to the node process under npm instead of npm.
// Exits non-zero on failure.
const { execFileSync, execSync, spawn } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { ROOT, freePort } = require("./lib/database")

const APP = path.join(os.tmpdir(), "loyalty-club-dev-check")
const LOG = path.join(APP, "dev.log")
const DATA_DIR = path.join(APP, ".pgdata")
const QUIET_SECONDS = Number(process.env.CHECK_DEV_QUIET_SECONDS || 20)
const SIGNAL = process.env.CHECK_DEV_SIGNAL || "SIGTERM"
const TARGET = process.env.CHECK_DEV_TARGET || "npm"

function prepareCopy() {
  fs.mkdirSync(APP, { recursive: true })
  fs.chmodSync(APP, 0o777)
  for (const entry of fs.readdirSync(APP)) {
    if (entry !== ".pgdata") {
      fs.rmSync(path.join(APP, entry), { recursive: true, force: true })
    }
  }
  execSync(`git archive --format=tar HEAD | tar -x -C "${APP}"`, { cwd: ROOT })
  if (process.env.CHECK_DEV_FROM_HEAD !== "1") {
    fs.cpSync(path.join(ROOT, "scripts"), path.join(APP, "scripts"), { recursive: true })
    for (const file of ["medusa-config.ts", "package.json"]) {
      fs.copyFileSync(path.join(ROOT, file), path.join(APP, file))
    }
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(APP, "node_modules"))
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const readyCount = () =>
  (fs.readFileSync(LOG, "utf8").match(/Server is ready on port/g) || []).length

function processes() {
  return execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [, pid, ppid, args] = line.match(/^\s*(\d+)\s+(\d+)\s+(.*)$/)
      return { pid: Number(pid), ppid: Number(ppid), args }
    })
}

function descendants(rootPid) {
  const all = processes()
  const found = []
  const walk = (pid) => {
    for (const p of all.filter((p) => p.ppid === pid)) {
      found.push(p)
      walk(p.pid)
    }
  }
  walk(rootPid)
  return found
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(test, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (test()) return
    await sleep(250)
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`)
}

async function main() {
  const started = Date.now()
  prepareCopy()
  const port = await freePort()
  const out = fs.openSync(LOG, "w")
  // Its own process group, like a service started by a process manager.
  const npm = spawn("npm", ["run", "dev"], {
    cwd: APP,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", out, out],
    detached: true,
  })
  fs.closeSync(out)
  let npmExit
  let tree = []
  npm.on("exit", (code, signal) => (npmExit = { code, signal }))

  try {
    await waitFor(
      () => npmExit || fs.readFileSync(LOG, "utf8").includes("Store is up"),
      300000,
      "the store to be up"
    )
    if (npmExit) throw new Error(`npm run dev exited: ${JSON.stringify(npmExit)}`)
    const upAfter = ((Date.now() - started) / 1000).toFixed(1)

    // Runtime files inside the project: the log itself (Medusa logs every
    // request), the database's folder, .medusa, a stray log file.
    const stray = path.join(APP, "other.log")
    for (let i = 0; i < QUIET_SECONDS * 2; i++) {
      await fetch(`http://localhost:${port}/health`).catch(() => {})
      fs.appendFileSync(LOG, `check-dev: line ${i}\n`)
      fs.appendFileSync(stray, `line ${i}\n`)
      fs.mkdirSync(path.join(APP, ".medusa"), { recursive: true })
      fs.writeFileSync(path.join(APP, ".medusa", "dev-check"), String(i))
      await sleep(500)
    }
    const quiet = readyCount()
    if (quiet !== 1) {
      throw new Error(`The server started ${quiet} times while only logs and runtime files changed (expected 1)`)
    }

    // A change the server must pick up: exactly one restart.
    const config = path.join(APP, "medusa-config.ts")
    const now = new Date()
    fs.utimesSync(config, now, now)
    await waitFor(() => readyCount() >= 2, 120000, "the restart after medusa-config.ts changed")
    await sleep(3000)
    if (readyCount() !== 2) {
      throw new Error(`A change to medusa-config.ts started the server ${readyCount() - 1} times (expected 1)`)
    }

    // SIGTERM to npm, as a process manager stops a service.
    tree = descendants(npm.pid)
    const postgres = tree.filter((p) => p.args.includes(DATA_DIR))
    const medusa = tree.filter((p) => /medusa\s+start/.test(p.args))
    if (!postgres.length || !medusa.length) {
      throw new Error(`Expected Medusa and PostgreSQL under npm, found:\n${tree.map((p) => p.args).join("\n")}`)
    }
    const dev = tree.find((p) => /^node\s+scripts\/dev\.js/.test(p.args))
    const stopAt = Date.now()
    process.kill(TARGET === "node" ? dev.pid : npm.pid, SIGNAL)
    await waitFor(() => npmExit, 60000, `npm run dev to exit after ${SIGNAL}`)
    const npmSeconds = ((Date.now() - stopAt) / 1000).toFixed(1)
    await waitFor(() => !tree.some((p) => alive(p.pid)), 60000, "Medusa and PostgreSQL to stop").catch(() => {})
    const stopSeconds = ((Date.now() - stopAt) / 1000).toFixed(1)
    const left = tree.filter((p) => alive(p.pid))
    const strays = processes().filter((p) => p.args.includes(DATA_DIR))
    if (left.length || strays.length) {
      throw new Error(
        `Still running after ${SIGNAL} to ${TARGET}:\n${[...left, ...strays].map((p) => `${p.pid} ${p.args}`).join("\n")}`
      )
    }
    process.stdout.write(
      `check-dev: up in ${upAfter} s; 1 start while logs and runtime files changed for ${QUIET_SECONDS} s; ` +
        `1 restart on a medusa-config.ts change; ${SIGNAL} to ${TARGET} stopped npm and all ${tree.length} processes ` +
        `(Medusa, PostgreSQL) in ${stopSeconds} s (npm itself exited in ${npmSeconds} s); total ${((Date.now() - started) / 1000).toFixed(1)} s\n`
    )
  } catch (error) {
    // Leave nothing behind: the whole tree under npm, whatever its group.
    for (const p of [...tree, ...descendants(npm.pid)]) {
      try {
        process.kill(p.pid, "SIGKILL")
      } catch {}
    }
    try {
      process.kill(npm.pid, "SIGKILL")
    } catch {}
    throw error
  }
}

main().catch((error) => {
  process.stderr.write(`check-dev failed: ${error.message}\n(log: ${LOG})\n`)
  process.exit(1)
})
