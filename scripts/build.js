#!/usr/bin/env node
// `npm run build`: the demo store's production build, admin included, in
// .medusa/app (tsconfig.json's outDir). `medusa build` compiles ./src and the
// admin there; it leaves out medusa-config.ts (tsconfig.json excludes it so
// that `medusa plugin:build`, which shares tsconfig.json, does not ship it in
// .medusa/server) and the demo data (demo/, not part of the plugin). This
// compiles both next to the compiled ./src, so that `medusa start`,
// `medusa db:migrate` and `medusa exec ./demo/seed.js` run in .medusa/app.
//
// `npm start` and scripts/entrypoint.sh run the result.
const { spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")
const { ROOT } = require("./lib/database")

const BUILD_DIR = path.join(ROOT, ".medusa", "app")
const ADMIN_INDEX = path.join(BUILD_DIR, "public", "admin", "index.html")

function log(message) {
  process.stdout.write(`[loyalty-club] ${message}\n`)
}

function fail(message) {
  process.stderr.write(`\n[loyalty-club] ${message}\n\n`)
  process.exit(1)
}

// The script files (TypeScript and JavaScript) under `dir`, recursively.
function sourceFiles(dir) {
  const files = []
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.[cm]?[jt]s$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.push(full)
      }
    }
  }
  walk(path.join(ROOT, dir))
  return files
}

// Compiles `files` one by one into the build directory at the same relative
// paths, as CommonJS with tsconfig.json's options. They are type-checked
// where they run from source (`npm run dev`, the tests), not here.
function compileInto(files) {
  const ts = require("typescript")
  const { config, error } = ts.readConfigFile(
    path.join(ROOT, "tsconfig.json"),
    ts.sys.readFile
  )
  if (error) {
    fail(ts.flattenDiagnosticMessageText(error.messageText, "\n"))
  }
  const { options } = ts.convertCompilerOptionsFromJson(
    config.compilerOptions,
    ROOT
  )
  const compilerOptions = {
    ...options,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  }
  for (const file of files) {
    const relative = path.relative(ROOT, file)
    const target = path.join(BUILD_DIR, relative.replace(/\.ts$/, ".js"))
    fs.mkdirSync(path.dirname(target), { recursive: true })
    if (file.endsWith(".ts")) {
      const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
        compilerOptions,
        fileName: file,
      })
      fs.writeFileSync(target, outputText)
    } else {
      fs.copyFileSync(file, target)
    }
  }
}

function main() {
  // The build is the same whatever role it later runs in: the admin is
  // bundled even when this shell happens to be set up for a worker.
  const env = { ...process.env }
  delete env.MEDUSA_WORKER_MODE
  delete env.DISABLE_MEDUSA_ADMIN

  log("Building the store and its admin (medusa build)...")
  const build = spawnSync(
    path.join(ROOT, "node_modules", ".bin", "medusa"),
    ["build"],
    { cwd: ROOT, env, stdio: "inherit" }
  )
  if (build.status !== 0) {
    fail(`medusa build failed (${build.signal || `exit code ${build.status}`}).`)
  }

  log("Compiling medusa-config.ts and the demo data into the build...")
  compileInto([path.join(ROOT, "medusa-config.ts"), ...sourceFiles("demo")])

  for (const file of [
    path.join(BUILD_DIR, "medusa-config.js"),
    path.join(BUILD_DIR, "src", "modules", "loyalty-club", "index.js"),
    ADMIN_INDEX,
  ]) {
    if (!fs.existsSync(file)) {
      fail(`The build is incomplete: ${path.relative(ROOT, file)} is missing.`)
    }
  }
  log(`Build ready in ${path.relative(ROOT, BUILD_DIR)}/: run it with \`npm start\` or scripts/entrypoint.sh.`)
}

if (require.main === module) {
  main()
}

module.exports = { BUILD_DIR, ADMIN_INDEX }
