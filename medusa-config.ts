import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import fs from "fs"
import path from "path"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// This file runs the repository itself as a demo store with ./src loaded as
// the plugin. A shop installing the published package writes its own config
// (see README.md); nothing here ships in the package. `npm run build` compiles
// it into the build directory (.medusa/app) next to the compiled ./src.

// `npm run dev`, `npm start` and scripts/entrypoint.sh always pass
// DATABASE_URL. Other commands run in the repository (jest, `medusa exec`)
// find the embedded database `npm run dev` last started. The helper that
// knows where it is stays out of the build, which needs DATABASE_URL.
function embeddedDatabaseUrl(): string {
  const helper = path.join(__dirname, "scripts", "lib", "database.js")
  if (!fs.existsSync(helper)) {
    throw new Error(
      "DATABASE_URL is not set: the build runs against the database it names (npm start and scripts/entrypoint.sh set it)."
    )
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { readEmbeddedUrl } = require(helper)
  return (
    readEmbeddedUrl() ||
    "postgres://postgres:postgres@localhost:5432/medusa_loyalty_club"
  )
}

const databaseUrl = process.env.DATABASE_URL || embeddedDatabaseUrl()

const redisUrl = process.env.REDIS_URL
const workerMode = (process.env.MEDUSA_WORKER_MODE || "shared") as
  | "shared"
  | "worker"
  | "server"

// With Redis a store can run several `server` instances and one `worker`: the
// Redis event bus delivers each event once, the Redis workflow engine runs a
// scheduled job once per tick across the cluster, and Redis locking guards
// wallet work that spans instances.
const redisModules = redisUrl
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        options: {
          redisUrl,
          // The Redis event bus tries an event once unless told otherwise.
          // A subscriber that fails (a lock timeout, a database restart) is
          // tried again after 2, 4, 8 and 16 s; the subscribers that already
          // succeeded are not run again. An event failed for good stays in
          // Redis a week for inspection; the loyalty catch-up job awards what
          // it missed anyway.
          jobOptions: {
            attempts: 5,
            backoff: { type: "exponential", delay: 2000 },
            removeOnComplete: true,
            removeOnFail: { age: 7 * 24 * 3600, count: 10000 },
          },
        },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: Modules.CACHE,
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              id: "locking-redis",
              resolve: "@medusajs/medusa/locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

// The plugin's SMS provider on the notification module's `sms` channel. The
// gateway and its options come from LOYALTY_SMS_<OPTION> variables (e.g.
// LOYALTY_SMS_GATEWAY=kavenegar LOYALTY_SMS_API_KEY=...); without them the
// `log` gateway writes each message to the log.
const SMS_TEXT_OPTIONS = [
  "gateway", "base_url", "number_format", "api_key", "sender", "line_number",
  "melipayamak_api", "token", "username", "password", "from", "account_sid",
  "auth_token", "messaging_service_sid", "status_callback", "url", "secret",
  "inbound_token", "public_url",
]
const SMS_NUMBER_OPTIONS = ["timeout_ms", "max_attempts", "retry_base_ms"]
const smsOptions: Record<string, unknown> = { channels: ["sms"] }
for (const name of [...SMS_TEXT_OPTIONS, ...SMS_NUMBER_OPTIONS]) {
  const value = process.env[`LOYALTY_SMS_${name.toUpperCase()}`]
  if (value) {
    smsOptions[name] = SMS_NUMBER_OPTIONS.includes(name) ? Number(value) : value
  }
}

// The recovery jobs' thresholds, in seconds (unset: the module's defaults).
// LOYALTY_RECONCILE_AFTER_SECONDS: how old a checkout debit without an order
// must be before it is given back; LOYALTY_CATCH_UP_GRACE_SECONDS: how old an
// order without its cashback must be before the catch-up awards it.
const LOYALTY_NUMBER_OPTIONS = {
  reconcile_after_seconds: "LOYALTY_RECONCILE_AFTER_SECONDS",
  catch_up_grace_seconds: "LOYALTY_CATCH_UP_GRACE_SECONDS",
}
const loyaltyOptions: Record<string, number> = {}
for (const [name, variable] of Object.entries(LOYALTY_NUMBER_OPTIONS)) {
  const value = process.env[variable]
  if (value) {
    loyaltyOptions[name] = Number(value)
  }
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl,
    databaseDriverOptions: {
      ...(process.env.DATABASE_SSL
        ? { connection: { ssl: { rejectUnauthorized: false } } }
        : {}),
      // Each process holds up to this many connections (Medusa's default: 10).
      ...(process.env.DATABASE_POOL_MAX
        ? { pool: { max: Number(process.env.DATABASE_POOL_MAX) } }
        : {}),
    },
    redisUrl,
    workerMode,
    // In production Medusa marks the admin's session cookie Secure, so a
    // browser on plain http (`npm start` on localhost, the compose file's
    // load balancer) never stays logged in. COOKIE_SECURE=false is for those;
    // behind TLS leave it unset.
    cookieOptions:
      process.env.COOKIE_SECURE === "false" ? { secure: false } : undefined,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors:
        process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors:
        process.env.AUTH_CORS ||
        "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable:
      process.env.DISABLE_MEDUSA_ADMIN === "true" || workerMode === "worker",
  },
  // The coexistence suite runs the store with Medusa's own loyalty plugin
  // loaded too (a dev dependency), to prove both work in one store.
  plugins:
    process.env.LOYALTY_WITH_OFFICIAL_PLUGIN === "true"
      ? [{ resolve: "@medusajs/loyalty-plugin", options: {} }]
      : [],
  // The repository is a Medusa project whose ./src is the plugin, so its module
  // is registered here; an installed plugin registers it by itself.
  modules: [
    {
      resolve: "./src/modules/loyalty-club",
      options: loyaltyOptions,
    },
    // Listing the notification module's providers replaces Medusa's default
    // list, so its `local` provider on the `feed` channel (the admin's
    // notification feed: imports, exports) is listed again next to ours.
    {
      key: Modules.NOTIFICATION,
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "./src/providers/sms", id: "sms", options: smsOptions },
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local Notification Provider", channels: ["feed"] },
          },
        ],
      },
    },
    ...redisModules,
  ],
})
