import { Context } from "@medusajs/framework/types"
import { entityIds } from "../../../utils/ids"
import { CustomerTierRow, TierChange } from "../types"
import { boundSql, ledgerTransaction, sql } from "./sql"

/** Customers' tiers: members, states, moves with their history, grace, undo. */
export class TiersRoom {
  /** Members per tier (customers whose current tier it is). */
  async countTierMembers(
    sharedContext: Context
  ): Promise<Record<string, number>> {
    const rows = await sql(sharedContext).execute(
      `SELECT tier_id, count(*)::int AS members FROM loyalty_customer_tier
       WHERE deleted_at IS NULL AND tier_id IS NOT NULL GROUP BY tier_id`
    )
    return Object.fromEntries(rows.map((r: any) => [r.tier_id, r.members]))
  }

  /**
   * Customers' tier state; without ids, every customer that has one (the
   * periodic evaluation reads them all in one query).
   */
  async listCustomerTierStates(
    customerIds: string[] | undefined,
    sharedContext: Context
  ): Promise<CustomerTierRow[]> {
    const rows = await boundSql(sharedContext).execute(
      `SELECT ct.customer_id, ct.tier_id, ct.pinned, ct.pin_note, ct.achieved_at, ct.below_since
       FROM loyalty_customer_tier ct
       WHERE ct.deleted_at IS NULL
         ${customerIds ? "AND ct.customer_id IN (SELECT jsonb_array_elements_text(?::jsonb))" : ""}`,
      customerIds ? [JSON.stringify(customerIds)] : []
    )
    return rows.map((r: any) => ({
      customer_id: r.customer_id,
      tier_id: r.tier_id,
      pinned: r.pinned,
      pin_note: r.pin_note,
      achieved_at: r.achieved_at ? new Date(r.achieved_at) : null,
      below_since: r.below_since ? new Date(r.below_since) : null,
    }))
  }

  /**
   * Moves customers between tiers, set-based, and records each move in the
   * history. Each change names the tier it expects the customer to be in
   * (`from_tier_id`): a customer whose tier moved meanwhile (a concurrent
   * order, an admin's pin) is left alone, so two evaluations of one customer
   * at once move them once. Pinned customers only move by a pin, an unpin or
   * the deletion of their tier. Returns the changes that were made.
   */
  async changeCustomerTiers(
    changes: TierChange[],
    sharedContext: Context
  ): Promise<(TierChange & { history_id: string })[]> {
    if (!changes.length) {
      return []
    }
    const stateIds = entityIds("lctr", changes.length)
    const historyIds = entityIds("lthis", changes.length)
    const rows = changes.map((c, i) => ({
      ...c,
      id: stateIds[i],
      history_id: historyIds[i],
      order_id: c.order_id ?? null,
      note: c.note ?? null,
      actor_id: c.actor_id ?? null,
      pinned: c.pinned ?? false,
      pin_note: c.pinned ? c.note ?? null : null,
      at: (c.at ?? new Date()).toISOString(),
    }))
    const input = JSON.stringify(rows)
    const recordset = `jsonb_to_recordset(?::jsonb) AS i(id text, history_id text,
      customer_id text, from_tier_id text, to_tier_id text, reason text, order_id text,
      note text, actor_id text, pinned boolean, pin_note text, at timestamptz)`
    return await ledgerTransaction(sharedContext, async (sql) => {
      await sql.execute(
        `INSERT INTO loyalty_customer_tier (id, customer_id, tier_id, pinned, created_at, updated_at)
         SELECT DISTINCT ON (customer_id) id, customer_id, NULL, false, now(), now() FROM ${recordset}
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
        [input]
      )
      const applied = await sql.execute(
        `WITH moved AS (
           UPDATE loyalty_customer_tier ct
           SET tier_id = i.to_tier_id, pinned = i.pinned, pin_note = i.pin_note,
               achieved_at = i.at, below_since = NULL, updated_at = now()
           FROM ${recordset}
           WHERE ct.customer_id = i.customer_id AND ct.deleted_at IS NULL
             AND ct.tier_id IS NOT DISTINCT FROM i.from_tier_id
             AND (ct.pinned = false OR i.reason IN ('pin', 'unpin', 'tier_deleted'))
           RETURNING i.*
         )
         INSERT INTO loyalty_tier_history
           (id, customer_id, from_tier_id, to_tier_id, reason, order_id, note, actor_id, created_at, updated_at)
         SELECT history_id, customer_id, from_tier_id, to_tier_id, reason, order_id, note, actor_id, at, now()
         FROM moved
         RETURNING id AS history_id, customer_id, from_tier_id, to_tier_id, reason, order_id, note, actor_id`,
        [input]
      )
      return applied as (TierChange & { history_id: string })[]
    })
  }

  /**
   * Starts or ends customers' grace periods (`below_since`), set-based.
   * Starting one leaves a running one alone.
   */
  async markTierGrace(
    marks: { customer_id: string; below_since: Date | null }[],
    sharedContext: Context
  ): Promise<void> {
    if (!marks.length) {
      return
    }
    await boundSql(sharedContext).execute(
      `UPDATE loyalty_customer_tier ct
       SET below_since = CASE WHEN i.below_since IS NULL THEN NULL
                              ELSE coalesce(ct.below_since, i.below_since) END,
           updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS i(customer_id text, below_since timestamptz)
       WHERE ct.customer_id = i.customer_id AND ct.deleted_at IS NULL AND ct.pinned = false`,
      [JSON.stringify(marks)]
    )
  }

  /**
   * Puts customers' tier state back as it was and strikes the history rows
   * of the changes being undone (a workflow that failed after moving them).
   */
  async undoTierChanges(
    data: { states: CustomerTierRow[]; created: string[]; history_ids: string[] },
    sharedContext: Context
  ): Promise<void> {
    await ledgerTransaction(sharedContext, async (sql) => {
      if (data.states.length) {
        await sql.execute(
          `UPDATE loyalty_customer_tier ct
           SET tier_id = i.tier_id, pinned = i.pinned, pin_note = i.pin_note,
               achieved_at = i.achieved_at, below_since = i.below_since, updated_at = now()
           FROM jsonb_to_recordset(?::jsonb) AS i(customer_id text, tier_id text, pinned boolean,
             pin_note text, achieved_at timestamptz, below_since timestamptz)
           WHERE ct.customer_id = i.customer_id AND ct.deleted_at IS NULL`,
          [JSON.stringify(data.states)]
        )
      }
      if (data.created.length) {
        await sql.execute(
          `UPDATE loyalty_customer_tier SET deleted_at = now()
           WHERE customer_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL`,
          [JSON.stringify(data.created)]
        )
      }
      if (data.history_ids.length) {
        await sql.execute(
          `UPDATE loyalty_tier_history SET deleted_at = now()
           WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
          [JSON.stringify(data.history_ids)]
        )
      }
    })
  }

  /**
   * The tier a customer had at a moment, from the history: the cashback of
   * an order uses the tier of when it was placed, not the one the order
   * itself earned a second later.
   */
  async retrieveTierAt(
    customerId: string,
    at: Date,
    sharedContext: Context
  ): Promise<string | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT to_tier_id FROM loyalty_tier_history
       WHERE customer_id = ? AND created_at <= ? AND deleted_at IS NULL
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [customerId, at.toISOString()]
    )
    return row?.to_tier_id ?? null
  }
}
