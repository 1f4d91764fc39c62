import { Context, DAL } from "@medusajs/framework/types"
import { InjectTransactionManager, MathBN, MedusaContext } from "@medusajs/framework/utils"
import { LoyaltyClubModuleOptions } from "../../types"
import { ledgerTransaction, sql } from "../sql"
import { LedgerLots } from "./lots"

/**
 * Credit's dates coming due: expiry of lots past their date, and held
 * credit released (by date or by an event) and its undo. `baseRepository_`
 * is the module's: each expiry batch is its own ORM transaction, as before.
 */
export class LedgerExpiry {
  constructor(
    protected readonly baseRepository_: DAL.RepositoryService,
    protected readonly options_: Required<LoyaltyClubModuleOptions>,
    protected readonly lots: LedgerLots
  ) {}

  /**
   * Expires every lot whose `expires_at` has passed, in set-based batches:
   * one statement per batch zeroes the lots and writes one `expiry`
   * transaction (with its allocation) per lot. Lots a debit holds right now
   * are skipped and picked up by the next run, so this is safe to run
   * concurrently with spending and with itself.
   */
  async expireDueLots(
    options: { at?: Date; batch_size?: number } = {},
    sharedContext: Context
  ): Promise<{ lots: number; batches: number }> {
    const batchSize = options.batch_size ?? this.options_.expiry_batch_size
    const at = options.at ?? new Date()
    let lots = 0
    let batches = 0
    for (;;) {
      const expired = await this.expireBatch_(at, batchSize, sharedContext)
      batches += 1
      lots += expired
      if (expired < batchSize) {
        break
      }
    }
    return { lots, batches }
  }

  @InjectTransactionManager()
  protected async expireBatch_(
    at: Date,
    batchSize: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const manager = sql(sharedContext)
    const [{ count }] = await manager.execute(
      `WITH due AS (
         SELECT l.id, l.wallet_id, l.remaining
         FROM loyalty_wallet_lot l
         JOIN loyalty_wallet w ON w.id = l.wallet_id
         WHERE l.expires_at <= ? AND l.remaining > 0 AND l.expired_at IS NULL
           AND l.deleted_at IS NULL
         ORDER BY l.expires_at
         LIMIT ?
         -- Wallets in the middle of a write are skipped, never waited for:
         -- a debit holds its wallet and then its lots, so waiting here could
         -- deadlock with it. The next run picks them up.
         FOR UPDATE OF l, w SKIP LOCKED
       ), lowered AS (
         UPDATE loyalty_wallet w
         SET balance = w.balance - d.total,
             raw_balance = jsonb_build_object('value', (w.balance - d.total)::text, 'precision', 20),
             updated_at = now()
         FROM (SELECT wallet_id, SUM(remaining) AS total FROM due GROUP BY wallet_id) d
         WHERE w.id = d.wallet_id
         RETURNING 1
       ), zeroed AS (
         UPDATE loyalty_wallet_lot l
         SET remaining = 0, raw_remaining = '{"value":"0","precision":20}'::jsonb,
             expired_at = ?, updated_at = now()
         FROM due WHERE l.id = due.id
         RETURNING l.id
       ), tx AS (
         INSERT INTO loyalty_wallet_transaction (id, wallet_id, type, amount, raw_amount,
           reference, reference_id, note, actor_type, created_at, updated_at)
         SELECT 'lwtx_' || upper(replace(gen_random_uuid()::text, '-', '')), due.wallet_id,
           'expiry', -due.remaining,
           jsonb_build_object('value', (-due.remaining)::text, 'precision', 20),
           'lot', due.id, 'Credit expired', 'system', now(), now()
         FROM due
         ON CONFLICT (wallet_id, type, reference, reference_id) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id, reference_id, amount
       ), alloc AS (
         INSERT INTO loyalty_wallet_lot_allocation (id, transaction_id, lot_id, amount,
           raw_amount, created_at, updated_at)
         SELECT 'lwalc_' || upper(replace(gen_random_uuid()::text, '-', '')), tx.id,
           tx.reference_id, -tx.amount,
           jsonb_build_object('value', (-tx.amount)::text, 'precision', 20), now(), now()
         FROM tx
         RETURNING 1
       )
       SELECT count(*)::int AS count FROM zeroed`,
      [at, batchSize, at]
    )
    return count
  }

  /**
   * Marks held credit whose date has come as released and returns it, so
   * `loyalty.cashback.released` is sent once per lot. Rows another run is
   * marking are skipped, so concurrent runs do not announce twice.
   */
  async markReleasedLots(
    options: { at?: Date; limit?: number } = {},
    sharedContext: Context
  ): Promise<
    { lot_id: string; wallet_id: string; transaction_id: string; amount: string; reference: string; reference_id: string }[]
  > {
    const at = options.at ?? new Date()
    const released = await ledgerTransaction(sharedContext, async (sql) => {
      const rows = await sql.execute(
        `WITH due AS (
           SELECT id FROM loyalty_wallet_lot
           WHERE released_at IS NULL AND available_at IS NOT NULL AND deleted_at IS NULL
             AND available_at <= ?
           ORDER BY available_at
           LIMIT ?
           FOR UPDATE SKIP LOCKED
         ), marked AS (
           UPDATE loyalty_wallet_lot l SET released_at = ?, updated_at = now()
           FROM due WHERE l.id = due.id
           RETURNING l.id, l.wallet_id, l.transaction_id, l.remaining
         )
         SELECT m.id AS lot_id, m.wallet_id, m.transaction_id, m.remaining AS amount,
           t.reference, t.reference_id
         FROM marked m JOIN loyalty_wallet_transaction t ON t.id = m.transaction_id`,
        [at, options.limit ?? 1000, at]
      )
      return rows.map((r: any) => ({ ...r, amount: MathBN.convert(r.amount).toFixed() }))
    })
    await this.lots.settleDebtsOf(released.map((r) => r.wallet_id), sharedContext)
    return released
  }

  /**
   * Makes credit that waited for an event (`available_at` = `until`)
   * spendable at `at`, with its expiry counted from then. Returns the lots
   * released; lots already released are left alone, so a repeat is a no-op.
   */
  async releaseLots(
    releases: { transaction_id: string; expires_after_days?: number | null }[],
    { at, until }: { at: Date; until: Date },
    sharedContext: Context
  ): Promise<{ lot_id: string; transaction_id: string }[]> {
    const result = await ledgerTransaction(sharedContext, async (sql) => {
      const released: { lot_id: string; transaction_id: string; wallet_id: string }[] = []
      for (const r of releases) {
        const rows = await sql.execute(
          `UPDATE loyalty_wallet_lot
           SET available_at = ?, released_at = ?,
               expires_at = CASE WHEN ?::int IS NULL THEN NULL ELSE ?::timestamptz + (?::int * interval '1 day') END,
               updated_at = now()
           WHERE transaction_id = ? AND available_at = ? AND deleted_at IS NULL
           RETURNING id, wallet_id`,
          [at, at, r.expires_after_days ?? null, at, r.expires_after_days ?? null, r.transaction_id, until]
        )
        released.push(
          ...rows.map((row: any) => ({ lot_id: row.id, transaction_id: r.transaction_id, wallet_id: row.wallet_id }))
        )
      }
      return released
    })
    await this.lots.settleDebtsOf(result.map((r) => r.wallet_id), sharedContext)
    return result.map(({ lot_id, transaction_id }) => ({ lot_id, transaction_id }))
  }

  /** Clears the release mark of lots (the undo of `markReleasedLots`). */
  async unmarkReleasedLots(
    lotIds: string[],
    sharedContext: Context
  ) {
    if (!lotIds.length) {
      return
    }
    await sql(sharedContext).execute(
      `UPDATE loyalty_wallet_lot SET released_at = NULL, updated_at = now() WHERE id IN (?)`,
      [lotIds]
    )
  }

  /** Puts released lots back to waiting (the undo of `releaseLots`). */
  async unreleaseLots(
    lotIds: string[],
    until: Date,
    sharedContext: Context
  ) {
    if (!lotIds.length) {
      return
    }
    await ledgerTransaction(sharedContext, (sql) =>
      sql.execute(
        `UPDATE loyalty_wallet_lot SET available_at = ?, expires_at = NULL, released_at = NULL, updated_at = now()
         WHERE id IN (${lotIds.map(() => "?").join(", ")})`,
        [until, ...lotIds]
      )
    )
  }
}
