#!/usr/bin/env node
// Proves the published package works in another Medusa app: packs the built
// plugin with `npm pack`, installs the tarball into a throwaway app that lists
// it in `plugins`, runs that app's migrations on a fresh embedded PostgreSQL,
// and uses the plugin's module from `medusa exec`.
// Run after `medusa plugin:build`. Exits non-zero on any failure.
const { execFileSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { ROOT, startEmbedded } = require("./lib/database")

const pkg = require(path.join(ROOT, "package.json"))

function sh(cmd, args, cwd, env = process.env) {
  return execFileSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".medusa", "server", "src"))) {
    throw new Error("No .medusa/server: run `npx medusa plugin:build` first.")
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-club-pack-"))
  fs.chmodSync(work, 0o777)
  const app = path.join(work, "app")
  const modules = path.join(app, "node_modules")
  fs.mkdirSync(modules, { recursive: true })

  const tarball = JSON.parse(sh("npm", ["pack", ".", "--json", "--pack-destination", work], ROOT))[0].filename
  const installed = path.join(modules, pkg.name)
  fs.mkdirSync(installed, { recursive: true })
  sh("tar", ["-xzf", path.join(work, tarball), "-C", installed, "--strip-components=1"], work)

  // The app's other dependencies are this repository's, linked rather than
  // installed again (the same Medusa version a shop would pin).
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry === pkg.name) continue
    fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry))
  }

  fs.writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify(
      {
        name: "throwaway-store",
        version: "0.0.0",
        private: true,
        dependencies: {
          "@medusajs/framework": pkg.devDependencies["@medusajs/framework"],
          "@medusajs/medusa": pkg.devDependencies["@medusajs/medusa"],
          [pkg.name]: pkg.version,
        },
      },
      null,
      2
    )
  )
  fs.writeFileSync(
    path.join(app, "medusa-config.js"),
    `const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "test", cookieSecret: "test" },
  },
  admin: { disable: true },
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

  const db = await startEmbedded({
    dataDir: path.join(work, "pgdata"),
    database: "throwaway_store",
    persistent: false,
  })
  try {
    const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "error", CHECK_OUT: path.join(work, "out.json") }
    delete env.NODE_OPTIONS
    const medusa = path.join(modules, ".bin", "medusa")
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
    process.stdout.write(
      `verify-pack: ${tarball} installed in a throwaway app: migrations created loyalty_wallet, module and SMS provider answered ${JSON.stringify(balance)}\n`
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
