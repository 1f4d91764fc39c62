#!/usr/bin/env node
// `npm run bench -- <name> [args]` runs bench/<name>.bench.{js,ts}.
// Every benchmark prints its figures as `name: value unit` lines.
const { spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")

const [name, ...args] = process.argv.slice(2)
const available = fs
  .readdirSync(__dirname)
  .filter((f) => /\.bench\.(js|ts)$/.test(f))
  .map((f) => f.replace(/\.bench\.(js|ts)$/, ""))

if (!name || !available.includes(name)) {
  process.stderr.write(
    `usage: npm run bench -- <name>\navailable: ${available.join(", ") || "(none)"}\n`
  )
  process.exit(name ? 1 : 0)
}

const file = fs.existsSync(path.join(__dirname, `${name}.bench.ts`))
  ? path.join(__dirname, `${name}.bench.ts`)
  : path.join(__dirname, `${name}.bench.js`)
const result = spawnSync(
  process.execPath,
  file.endsWith(".ts")
    ? ["-r", "ts-node/register/transpile-only", file, ...args]
    : [file, ...args],
  { stdio: "inherit", env: process.env }
)
process.exit(result.status ?? 1)
