// A statement trace for the benchmarks that run inside the app (medusa
// exec), shared by analytics-exec.ts and segments-exec.ts.
import { now } from "./bench-utils"

// Every statement the app sends goes through node-postgres' Client#query
// (knex passes a callback, the ledger's own transactions await a promise).
// While a list is set, each statement's text, values and time are recorded,
// so a slow read or rebuild step can be named and explained.
export type Statement = { text: string; values?: unknown[]; ms: number }
let tracing: Statement[] | null = null
// eslint-disable-next-line @typescript-eslint/no-var-requires
const PgClient = require("pg").Client
const originalQuery = PgClient.prototype.query
PgClient.prototype.query = function (this: any, ...args: any[]) {
  const list = tracing
  const config = args[0]
  const text: string | undefined = typeof config === "string" ? config : config?.text
  if (!list || !text) {
    return originalQuery.apply(this, args)
  }
  const values = Array.isArray(args[1]) ? args[1] : config?.values
  const started = now()
  const record = () => list.push({ text, values, ms: now() - started })
  const callback = args.findIndex((a) => typeof a === "function")
  if (callback >= 0) {
    const done = args[callback]
    args[callback] = function (this: any, ...result: any[]) {
      record()
      return done.apply(this, result)
    }
    return originalQuery.apply(this, args)
  }
  const result = originalQuery.apply(this, args)
  if (result && typeof result.then === "function") {
    result.then(record, record)
  }
  return result
}
/** Runs `task`, recording every statement it sends (one trace at a time). */
export async function traced<T>(task: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  const list: Statement[] = []
  tracing = list
  try {
    return { result: await task(), statements: list }
  } finally {
    tracing = null
  }
}
/** A statement on one line, cut at `max` characters, for a report. */
export const oneLine = (sql: string, max = 160) => {
  const line = sql.replace(/\s+/g, " ").trim()
  return line.length > max ? `${line.slice(0, max)}...` : line
}
