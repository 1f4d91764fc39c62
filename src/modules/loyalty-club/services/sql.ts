import { Context } from "@medusajs/framework/types"

// The plumbing every room shares: how a room reaches the database inside the
// context the facade's decorators set up. Nothing domain-specific lives here.

export type SqlManager = {
  execute<T = any[]>(sql: string, params?: unknown[], method?: string): Promise<T>
}

/**
 * Runs a ledger write in one database transaction. Inside a caller's
 * transaction it joins it; otherwise it takes a connection from the
 * module's pool and runs BEGIN ... COMMIT on it directly. The writes are
 * hand-written SQL with no entity to flush, and going around the ORM's unit
 * of work and query builder halves the cost of a debit (measured with
 * bench/wallet.bench.js against the same SQL sent with node-postgres).
 */
export async function ledgerTransaction<T>(
  sharedContext: Context,
  task: (sql: SqlManager) => Promise<T>
): Promise<T> {
  if (sharedContext.transactionManager) {
    return await task(sql(sharedContext))
  }
  const client = (sharedContext.manager as any).getKnex().client
  const connection = await client.acquireConnection()
  try {
    await connection.query("BEGIN")
    const result = await task({
      execute: async (sql: string, params: unknown[] = []) => {
        let n = 0
        const text = sql.replace(/\?/g, () => `$${++n}`)
        return (await connection.query(text, params)).rows
      },
    } as SqlManager)
    await connection.query("COMMIT")
    return result
  } catch (error) {
    await connection.query("ROLLBACK").catch(() => undefined)
    throw error
  } finally {
    await client.releaseConnection(connection)
  }
}

/** The caller's transaction when there is one, else the request's manager. */
export function sql(sharedContext: Context): SqlManager {
  return (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
}

/**
 * Like `sql()`, with the values sent as bound parameters: MikroORM's
 * `execute` writes every value into the SQL text, escaping it character by
 * character (about 200 ms for the 1.7 MB of JSON that a page of 5,000
 * messages is), where Postgres takes a parameter as it is.
 */
export function boundSql(sharedContext: Context): SqlManager {
  const manager = sql(sharedContext) as any
  return {
    execute: async (sql: string, params: unknown[] = []) => {
      const runner = manager.getTransactionContext?.() ?? manager.getKnex()
      return (await runner.raw(sql, params)).rows
    },
  } as SqlManager
}
