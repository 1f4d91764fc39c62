import { Context } from "@medusajs/framework/types"
import { ResolvedLoyaltyClubOptions } from "../options"
import { sql } from "./sql"

/**
 * How long core's completeCartWorkflow holds its cart lock (`ttl` of its
 * acquireLockStep). A completion cannot keep its cart to itself longer, so
 * an unfinished completion counts as running at least this long.
 */
const CART_LOCK_TTL_SECONDS = 120

/** A checkout debit that may have lost its completion. */
export type OrphanCheckoutDebit = {
  transaction_id: string
  wallet_id: string
  cart_id: string
  amount: string
  created_at: Date
}

/** Where a checkout debit stands, read again under the cart's lock. */
export type CheckoutDebitState = {
  reversed: boolean
  order_id: string | null
  completion_running: boolean
}

// The cart a checkout debit paid for: its metadata, else its key (a cart
// paying again after a give-back is keyed `cart_id#2`).
const DEBIT_CART = `COALESCE(t.metadata->>'cart_id', split_part(t.reference_id, '#', 1))`

// An unfinished run of core's completeCartWorkflow for the cart, started
// after the given moment. The engine writes the run when it starts (the
// cart id is its input) and again when it ends; a process that died
// mid-completion leaves it unfinished for good, hence the age bound.
const COMPLETION_RUNNING = `EXISTS (
  SELECT 1 FROM workflow_execution w
  WHERE w.workflow_id = 'complete-cart' AND w.deleted_at IS NULL
    AND w.state NOT IN ('done', 'failed', 'reverted')
    AND w.created_at > ?
    AND w.context->'data'->'payload'->>'id' = ${DEBIT_CART})`

/**
 * Recovery after a process died: checkout debits whose completion never
 * finished, and orders whose cashback was never decided. Reads only: what
 * is found is given back or awarded through the ledger and the workflows.
 * The order and cart tables are core's, in the same database; they are read
 * here, never written.
 */
export class RecoveryRoom {
  constructor(protected readonly options_: ResolvedLoyaltyClubOptions) {}

  /** The recovery options with their defaults. */
  options() {
    const { reconcile_after_seconds, catch_up_grace_seconds, catch_up_lookback_hours } = this.options_
    return { reconcile_after_seconds, catch_up_grace_seconds, catch_up_lookback_hours }
  }

  // Unfinished completions started after this moment count as running: at
  // least the cart lock's life, and as long as a debit must wait.
  protected runningSince(at: Date, ignoreAge: boolean) {
    const seconds = ignoreAge
      ? CART_LOCK_TTL_SECONDS
      : Math.max(this.options_.reconcile_after_seconds, CART_LOCK_TTL_SECONDS)
    return new Date(at.getTime() - seconds * 1000)
  }

  /**
   * Checkout debits (reference `cart`) not reversed, older than
   * `reconcile_after_seconds` (any age with `ignore_age`) and younger than
   * the lookback, whose cart has no order and no completion running. Oldest
   * first, `limit` at a time.
   */
  async listOrphanCheckoutDebits(
    data: { at: Date; ignore_age?: boolean; limit?: number },
    sharedContext: Context
  ): Promise<OrphanCheckoutDebit[]> {
    const olderThan = new Date(
      data.at.getTime() - (data.ignore_age ? 0 : this.options_.reconcile_after_seconds * 1000)
    )
    const since = new Date(data.at.getTime() - this.options_.catch_up_lookback_hours * 3600000)
    const rows = await sql(sharedContext).execute(
      `SELECT t.id AS transaction_id, t.wallet_id, ${DEBIT_CART} AS cart_id, t.amount::text AS amount, t.created_at
       FROM loyalty_wallet_transaction t
       WHERE t.reference = 'cart' AND t.type = 'debit' AND t.deleted_at IS NULL
         AND t.created_at <= ? AND t.created_at > ?
         AND NOT EXISTS (
           SELECT 1 FROM loyalty_wallet_transaction r
           WHERE r.reverses_id = t.id AND r.type = 'reversal' AND r.deleted_at IS NULL)
         AND NOT EXISTS (
           SELECT 1 FROM order_cart oc WHERE oc.cart_id = ${DEBIT_CART} AND oc.deleted_at IS NULL)
         AND NOT ${COMPLETION_RUNNING}
       ORDER BY t.created_at, t.id
       LIMIT ?`,
      [olderThan, since, this.runningSince(data.at, !!data.ignore_age), data.limit ?? 100]
    )
    return rows.map((r: any) => ({ ...r, created_at: new Date(r.created_at) }))
  }

  /** Where one checkout debit stands now (read under the cart's lock). */
  async retrieveCheckoutDebitState(
    data: { transaction_id: string; at: Date; ignore_age?: boolean },
    sharedContext: Context
  ): Promise<CheckoutDebitState | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT
         EXISTS (SELECT 1 FROM loyalty_wallet_transaction r
                 WHERE r.reverses_id = t.id AND r.type = 'reversal' AND r.deleted_at IS NULL) AS reversed,
         (SELECT oc.order_id FROM order_cart oc
          WHERE oc.cart_id = ${DEBIT_CART} AND oc.deleted_at IS NULL LIMIT 1) AS order_id,
         ${COMPLETION_RUNNING} AS completion_running
       FROM loyalty_wallet_transaction t
       WHERE t.id = ? AND t.deleted_at IS NULL`,
      [this.runningSince(data.at, !!data.ignore_age), data.transaction_id]
    )
    return row
      ? { reversed: !!row.reversed, order_id: row.order_id ?? null, completion_running: !!row.completion_running }
      : null
  }

  /**
   * Orders placed in (`after`, `until`], not canceled, with a customer,
   * that have no cashback credit at all (not even one taken back since): a
   * page ordered by placement, continuing after `cursor`.
   */
  async listOrdersWithoutCashback(
    data: { after: Date; until: Date; cursor?: { created_at: Date; id: string } | null; limit?: number },
    sharedContext: Context
  ): Promise<{ id: string; customer_id: string; created_at: Date }[]> {
    const cursor = data.cursor ?? { created_at: data.after, id: "" }
    const rows = await sql(sharedContext).execute(
      `SELECT o.id, o.customer_id, o.created_at
       FROM "order" o
       WHERE o.deleted_at IS NULL AND o.customer_id IS NOT NULL
         AND o.is_draft_order = false AND o.status NOT IN ('canceled', 'draft')
         AND o.created_at > ? AND o.created_at <= ?
         AND (o.created_at, o.id) > (?::timestamptz, ?)
         AND NOT EXISTS (
           SELECT 1 FROM loyalty_wallet w
           JOIN loyalty_wallet_transaction t ON t.wallet_id = w.id
           WHERE w.customer_id = o.customer_id AND w.currency_code = lower(o.currency_code)
             AND t.type = 'credit' AND t.reference = 'order'
             AND t.reference_id LIKE o.id || ':%' AND t.deleted_at IS NULL)
       ORDER BY o.created_at, o.id
       LIMIT ?`,
      [data.after, data.until, cursor.created_at, cursor.id, data.limit ?? 100]
    )
    return rows.map((r: any) => ({ ...r, created_at: new Date(r.created_at) }))
  }
}
