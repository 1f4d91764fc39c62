#!/usr/bin/env node
// Proves the published package works in another Medusa app, installed the way
// a shop installs it: builds the plugin when .medusa/server is missing, packs
// it with `npm pack`, installs the tarball for real (`npm install <tgz>` in a
// throwaway app, its own node_modules; npm's cache makes repeats faster),
// builds that app with `medusa build` and checks its admin bundle holds the
// plugin's pages, then runs the app's migrations on a fresh embedded
// PostgreSQL and uses the plugin's module and SMS provider from `medusa exec`.
// Exits non-zero on any failure; prints each step's duration.
const { execFileSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { ROOT, startEmbedded } = require("./lib/database")

const pkg = require(path.join(ROOT, "package.json"))
const started = Date.now()
let lastStep = started

function step(message) {
  const now = Date.now()
  process.stdout.write(
    `verify-pack: ${message} (${((now - lastStep) / 1000).toFixed(1)} s)\n`
  )
  lastStep = now
}

function sh(cmd, args, cwd, env = process.env) {
  return execFileSync(cmd, args, {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  })
}

// The admin routes the plugin ships, as the admin bundler names them
// (src/admin/routes/loyalty/tiers/page.tsx -> /loyalty/tiers).
function pluginAdminRoutes() {
  const routes = []
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^page\.[jt]sx?$/.test(entry.name)) {
        const route = path.relative(path.join(ROOT, "src", "admin", "routes"), dir)
        // A folder `[id]` is the admin route `:id` (Medusa's file routing).
        routes.push(`/${route.split(path.sep).map((part) => part.replace(/^\[(\w+)\]$/, ":$1")).join("/")}`)
      }
    }
  }
  walk(path.join(ROOT, "src", "admin", "routes"))
  return routes
}

async function main() {
  if (
    !fs.existsSync(path.join(ROOT, ".medusa", "server", "src")) ||
    !fs.existsSync(path.join(ROOT, ".medusa", "server", "storefront", "index.js"))
  ) {
    sh("npm", ["run", "build:plugin"], ROOT)
    step("no complete .medusa/server: built the plugin with `npm run build:plugin` (plugin:build and the storefront kit)")
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-club-pack-"))
  fs.chmodSync(work, 0o777)
  const app = path.join(work, "app")
  fs.mkdirSync(app, { recursive: true })

  const tarball = JSON.parse(
    sh("npm", ["pack", ".", "--json", "--pack-destination", work], ROOT)
  )[0].filename
  step(`packed ${tarball}`)

  // A Medusa app as create-medusa-app makes one, with the same Medusa
  // version the plugin pins.
  const medusaVersion = pkg.peerDependencies["@medusajs/framework"]
  fs.writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify(
      {
        name: "throwaway-store",
        version: "0.0.0",
        private: true,
        dependencies: {
          "@medusajs/admin-sdk": medusaVersion,
          "@medusajs/cli": medusaVersion,
          "@medusajs/framework": medusaVersion,
          "@medusajs/medusa": medusaVersion,
        },
        devDependencies: {
          "@types/node": pkg.devDependencies["@types/node"],
          react: pkg.devDependencies.react,
          "react-dom": pkg.devDependencies["react-dom"],
          typescript: pkg.devDependencies.typescript,
        },
      },
      null,
      2
    )
  )
  fs.writeFileSync(
    path.join(app, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2021",
          esModuleInterop: true,
          module: "Node16",
          moduleResolution: "Node16",
          skipLibCheck: true,
          outDir: "./.medusa/server",
          rootDir: "./",
          jsx: "react-jsx",
          resolveJsonModule: true,
          checkJs: false,
        },
        include: ["./src/**/*", "medusa-config.js"],
        exclude: ["node_modules", ".medusa", "src/admin"],
      },
      null,
      2
    )
  )
  // A route of the app's own, as every app has: `medusa build` compiles it.
  fs.mkdirSync(path.join(app, "src", "api", "ping"), { recursive: true })
  fs.writeFileSync(
    path.join(app, "src", "api", "ping", "route.ts"),
    `import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

export const GET = (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ ok: true })
}
`
  )
  fs.writeFileSync(
    path.join(app, "medusa-config.js"),
    `const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "test", cookieSecret: "test" },
  },
  plugins: [{ resolve: "${pkg.name}", options: { expiring_soon_days: 3 } }],
  modules: [
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "${pkg.name}/providers/sms",
            id: "sms",
            options: { channels: ["sms"], gateway: "log" },
          },
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { channels: ["feed"] },
          },
        ],
      },
    },
  ],
})
`
  )
  fs.writeFileSync(
    path.join(app, "check.js"),
    `exports.default = async function check({ container }) {
  const wallets = container.resolve("loyalty_club")
  const { wallet } = await wallets.retrieveOrCreateWallet({ customer_id: "cus_pack", currency_code: "irr" })
  await wallets.creditWallet({ wallet_id: wallet.id, amount: "1500", reference: "pack", reference_id: "1" })
  const balance = (await wallets.getBalances([wallet.id]))[wallet.id]
  const [sms] = await container.resolve("notification").createNotifications([
    { to: "۰۹۱۲۱۲۳۴۵۶۷", channel: "sms", template: "check", content: { text: "سلام" } },
  ])
  require("fs").writeFileSync(process.env.CHECK_OUT, JSON.stringify({ ...balance, sms: sms.status }))
}
`
  )

  // Installed for real, as a shop would: the tarball and its dependencies
  // from the registry (or npm's cache), peers included.
  const installEnv = { ...process.env }
  delete installEnv.NODE_OPTIONS
  sh(
    "npm",
    ["install", path.join(work, tarball), "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"],
    app,
    installEnv
  )
  const installed = path.join(app, "node_modules", pkg.name)
  if (fs.lstatSync(installed).isSymbolicLink()) {
    throw new Error(`${installed} is a link, not an installed package`)
  }
  const installedPkg = require(path.join(installed, "package.json"))
  if (installedPkg.version !== pkg.version) {
    throw new Error(`Installed ${installedPkg.version}, packed ${pkg.version}`)
  }
  step(`npm install ${tarball} in a throwaway app`)

  // The storefront kit, as a storefront imports it: ES modules (Next.js,
  // Vite) and CommonJS both resolve and give the same client.
  const kitCheck = `
    const cjs = require("${pkg.name}/storefront")
    import("${pkg.name}/storefront").then((esm) => {
      const names = ["createLoyaltyClient", "formatMoney"]
      for (const name of names) {
        if (typeof cjs[name] !== "function" || typeof esm[name] !== "function") {
          console.error("missing " + name); process.exit(1)
        }
      }
      console.log(Object.keys(esm).length)
    })`
  const kitExports = execFileSync(process.execPath, ["-e", kitCheck], { cwd: app, encoding: "utf8" }).trim()
  step(`${pkg.name}/storefront resolves as ES module and CommonJS (${kitExports} exports)`)

  // The host's admin, built with the plugin in it.
  const medusa = path.join(app, "node_modules", ".bin", "medusa")
  sh(medusa, ["build"], app, { ...installEnv, NODE_ENV: "production" })
  const assets = path.join(app, ".medusa", "server", "public", "admin", "assets")
  const bundle = fs
    .readdirSync(assets)
    .filter((file) => file.endsWith(".js"))
    .map((file) => fs.readFileSync(path.join(assets, file), "utf8"))
    .join("\n")
  const routes = pluginAdminRoutes()
  const missing = routes.filter((route) => !bundle.includes(`"${route}"`))
  if (!routes.length || missing.length) {
    throw new Error(
      `The host's admin bundle lacks the plugin's pages: ${missing.join(", ") || "(the plugin has none)"}`
    )
  }
  step(`medusa build: the host's admin bundle has the plugin's ${routes.length} pages (${routes.join(", ")})`)

  const db = await startEmbedded({
    dataDir: path.join(work, "pgdata"),
    database: "throwaway_store",
    persistent: false,
  })
  try {
    const env = { ...installEnv, DATABASE_URL: db.url, LOG_LEVEL: "error", CHECK_OUT: path.join(work, "out.json") }
    sh(medusa, ["db:migrate", "--execute-safe-links"], app, env)

    const { Client } = require("pg")
    const client = new Client({ connectionString: db.url })
    await client.connect()
    const { rows } = await client.query(
      "SELECT to_regclass('loyalty_wallet') AS wallet, to_regclass('loyalty_wallet_transaction') AS ledger"
    )
    await client.end()
    if (!rows[0].wallet || !rows[0].ledger) {
      throw new Error("The plugin's migrations did not create its tables")
    }

    sh(medusa, ["exec", "./check.js"], app, env)
    const balance = JSON.parse(fs.readFileSync(env.CHECK_OUT, "utf8"))
    if (balance.available !== "1500" || balance.expiring_within_days !== 3) {
      throw new Error(`Unexpected balance from the packed module: ${JSON.stringify(balance)}`)
    }
    if (balance.sms !== "success") {
      throw new Error(`The packed SMS provider did not send: ${JSON.stringify(balance)}`)
    }
    step(`migrations created loyalty_wallet; module and SMS provider answered ${JSON.stringify(balance)}`)
    process.stdout.write(
      `verify-pack: passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
    )
  } finally {
    await db.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => {
  process.stderr.write(`verify-pack failed: ${error.stderr || error.message}\n`)
  process.exit(1)
})
