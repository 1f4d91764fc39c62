const fs = require("fs")

module.exports = async function globalTeardown() {
  await dropTemplate()
  const embedded = globalThis.__EMBEDDED_PG__
  if (!embedded) {
    return
  }
  await embedded.stop()
  fs.rmSync(embedded.dataDir, { recursive: true, force: true })
}

// The suites' migrated template (integration-tests/test-utils.js), on a
// database server of the user's; an embedded one goes with its folder.
async function dropTemplate() {
  const template = process.env.LOYALTY_TEST_TEMPLATE_DB
  if (!template || globalThis.__EMBEDDED_PG__) {
    return
  }
  const { Client } = require("pg")
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database: "postgres",
  })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${template}"`)
  } finally {
    await client.end()
  }
}
