// Gives every Jest worker a real PostgreSQL. A database the user configured
// (DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, or DATABASE_URL) is used as is;
// otherwise an embedded PostgreSQL is started in a fresh temporary folder.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { checkDatabase, startEmbedded } = require("../scripts/lib/database")

module.exports = async function globalSetup() {
  // The name of this run's migrated template for the HTTP suites, made by
  // the first suite that needs it (integration-tests/test-utils.js).
  process.env.LOYALTY_TEST_TEMPLATE_DB = `loyalty_test_template_${process.pid}_${Date.now().toString(36)}`
  if (!process.env.DB_HOST && process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    process.env.DB_HOST = url.hostname
    process.env.DB_PORT = url.port || "5432"
    process.env.DB_USERNAME = decodeURIComponent(url.username)
    process.env.DB_PASSWORD = decodeURIComponent(url.password)
  }

  if (process.env.DB_HOST) {
    const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
    const auth = DB_PASSWORD
      ? `${encodeURIComponent(DB_USERNAME || "postgres")}:${encodeURIComponent(DB_PASSWORD)}`
      : encodeURIComponent(DB_USERNAME || "postgres")
    await checkDatabase(
      `postgres://${auth}@${DB_HOST}:${DB_PORT || 5432}/postgres`
    )
    return
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-club-test-pg-"))
  fs.chmodSync(dataDir, 0o777)
  const db = await startEmbedded({
    dataDir: path.join(dataDir, "data"),
    database: "postgres",
    persistent: false,
  })
  globalThis.__EMBEDDED_PG__ = { stop: db.stop, dataDir }

  // The test runner switches SSL on unless the host is "localhost".
  process.env.DB_HOST = "localhost"
  process.env.DB_PORT = String(db.port)
  process.env.DB_USERNAME = db.user
  process.env.DB_PASSWORD = db.password
}
