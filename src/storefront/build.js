#!/usr/bin/env node
// Builds the storefront kit as ES modules with type declarations into
// .medusa/server/storefront (the package's "import" and "types" for
// `medusa-plugin-loyalty-club/storefront`), after `medusa plugin:build`
// wrote the CommonJS build (its "require") and emptied .medusa/server.
// ES modules keep "use client" at the top of the hooks' module and let a
// bundler drop what a page does not use; Node's own ESM loader wants full
// file names, so relative imports get their ".js" here.
const { execFileSync } = require("child_process")
const fs = require("fs")
const path = require("path")

const ROOT = path.join(__dirname, "..", "..")
const OUT = path.join(ROOT, ".medusa", "server", "storefront")

fs.rmSync(OUT, { recursive: true, force: true })
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc", { paths: [ROOT] }), "-p", path.join(__dirname, "tsconfig.build.json")], {
  stdio: "inherit",
})
for (const file of fs.readdirSync(OUT)) {
  if (!/\.(js|d\.ts)$/.test(file)) continue
  const full = path.join(OUT, file)
  const text = fs.readFileSync(full, "utf8").replace(/(from\s+["'])(\.\/[\w-]+)(["'])/g, "$1$2.js$3")
  fs.writeFileSync(full, text)
}
fs.writeFileSync(path.join(OUT, "package.json"), JSON.stringify({ type: "module", sideEffects: false }, null, 2) + "\n")
process.stdout.write(`Storefront kit (ES modules and types) built into ${path.relative(ROOT, OUT)}\n`)
