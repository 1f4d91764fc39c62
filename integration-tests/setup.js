const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// Medusa's test runner restores the database before each test by dropping it
// and copying it again from a template (@medusajs/test-utils,
// postgres-template.js), which ends the app's idle pooled connections. At the
// next checkout knex finds them ended, throws them away, opens new ones and
// says so on console.log, several times per test (knex/lib/client.js,
// connectionIsDisposed). It is harmless, and Medusa's pg connection takes no
// knex logger option, so exactly that line, and nothing else, is dropped here.
const KnexLogger = require("knex/lib/logger")
const DISPOSED = "Connection Error: Connection ended unexpectedly"
const warn = KnexLogger.prototype.warn
KnexLogger.prototype.warn = function (message) {
  if (message === DISPOSED) {
    return
  }
  return warn.call(this, message)
}
