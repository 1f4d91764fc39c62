import { Context } from "@medusajs/framework/types"
import { SegmentGroup } from "../../../utils/segment-conditions"
import { segmentMembersSql } from "./segment-sql"
import { ledgerTransaction, SqlManager } from "./sql"

// How a segment is evaluated against the database (segment-sql.ts compiles
// it): the facts it is read against, and the planner settings for
// statements over every customer.

/**
 * What a segment's order conditions read besides the live orders, as of
 * one evaluation (segmentFactsOf): when the nightly scores were built and
 * the currency of their monetary figure, and how far the analytics
 * rollup's per-customer, per-shop-day order figures reach.
 */
export type SegmentFacts = {
  /** When the scores were last built; null: never. */
  scored_at: Date | null
  /** The currency of the scores' monetary figure. */
  scored_currency: string | null
  /**
   * The rollup (loyalty_analytics_customer: per customer and currency,
   * the order days in `time_zone` and the figures through each): every
   * counted order created up to `orders_as_of`; null: never built (or
   * built before it recorded how far it reaches, or before its days were
   * kept as arrays).
   */
  rollup: { orders_as_of: Date; time_zone: string } | null
}

/** Reads the facts a segment is evaluated against: one short statement. */
export async function segmentFactsOf(manager: SqlManager): Promise<SegmentFacts> {
  const [row] = await manager.execute(
    // Every scoring rewrites every row with its own time and currency: any
    // row tells both.
    `SELECT sc.scored_at, sc.currency_code AS scored_currency, r.orders_as_of, r.time_zone
     FROM (SELECT 1) one
     LEFT JOIN LATERAL (
       SELECT scored_at, currency_code FROM loyalty_customer_score WHERE deleted_at IS NULL LIMIT 1
     ) sc ON true
     LEFT JOIN loyalty_analytics_rollup r ON r.id = 1`
  )
  return {
    scored_at: row?.scored_at ? new Date(row.scored_at) : null,
    scored_currency: row?.scored_currency ?? null,
    rollup: row?.orders_as_of && row.time_zone ? { orders_as_of: new Date(row.orders_as_of), time_zone: row.time_zone } : null,
  }
}

// What overPopulation sets for its statements.
const POPULATION_SETTINGS: [string, string][] = [
  ["work_mem", "'64MB'"],
  ["enable_nestloop", "off"],
]

/**
 * Runs statements over a whole segment with the planner set for them, in a
 * transaction (the caller's, or one of its own): the hash joins and hash
 * aggregates over 100,000 customers need more than the default 4 MB of
 * work memory (short of it the planner sorts 100,000 ids instead), and a
 * nested loop of index probes per customer, which the planner picks when it
 * misjudges how many customers an OR lets through, costs several times a
 * hash join. The settings are local to the transaction and put back after
 * the task in a caller's. Not for one customer (customerSegmentIds), where
 * index probes are the right plan.
 */
export async function overPopulation<T>(sharedContext: Context, task: (sql: SqlManager) => Promise<T>): Promise<T> {
  return await ledgerTransaction(sharedContext, async (sql) => {
    for (const [name, value] of POPULATION_SETTINGS) {
      await sql.execute(`SET LOCAL ${name} = ${value}`)
    }
    const result = await task(sql)
    if (sharedContext.transactionManager) {
      for (const [name] of POPULATION_SETTINGS) {
        await sql.execute(`SET LOCAL ${name} TO DEFAULT`)
      }
    }
    return result
  })
}

/** The members statement of `conditions` at `at`, against the facts read now. */
export async function segmentMembers(
  manager: SqlManager,
  conditions: SegmentGroup,
  at: Date
): Promise<{ sql: string; bindings: unknown[] }> {
  return segmentMembersSql(conditions, at, await segmentFactsOf(manager))
}
