import { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import { entityIds } from "../../../utils/ids"
import { boundSql, ledgerTransaction, SqlManager } from "./sql"

/** One code an order used: the code and the discount its adjustments gave. */
export type OrderCodeUse = { code: string; discount: string }

export type RecordCodeUsesInput = {
  order_id: string
  customer_id: string | null
  currency_code: string
  order_total: string
  used_at: Date
  uses: OrderCodeUse[]
}

/** A use given back by a cancel: `inserted` when the cancel came before the order's use was recorded. */
export type ReleasedCodeUse = { id: string; code_id: string; code: string; discount: string; inserted: boolean }

export type CodeBatchStats = {
  codes: number
  used: number
  /** Percent of the codes used, one decimal ("12.5"). */
  redemption_rate: string
  /** Totals of the orders that used the batch's codes, per currency. */
  revenue: Record<string, string>
  discount: Record<string, string>
}

export type GiftRow = {
  id: string
  type: "code" | "credit"
  occasion: string | null
  code: string | null
  template: {
    discount_type: "percentage" | "fixed"
    value: string
    currency_code: string | null
    max_discount: Record<string, string> | null
  } | null
  amount: string | null
  currency_code: string | null
  state: "available" | "used" | "expired" | "disabled"
  expires_at: Date | null
  created_at: Date
}

const USE_ROWS = `jsonb_to_recordset(?::jsonb) AS x(id text, code text, discount text)`

/**
 * The uses of codes by orders and what reads them: a use recorded once per
 * (code, order) when an order is placed, given back once when it is
 * canceled (the unique key and `released_at` decide between repeated
 * events), a batch's statistics, and a shopper's codes and gifts.
 */
export class CodeUsesRoom {
  /** Records the codes an order used; a repeated event records nothing new. Returns how many were new. */
  async recordUses(data: RecordCodeUsesInput, sharedContext: Context): Promise<number> {
    if (!data.uses.length) {
      return 0
    }
    return await ledgerTransaction(sharedContext, async (run: SqlManager) => {
      const rows = await run.execute(
        `INSERT INTO loyalty_code_use (id, code_id, batch_id, order_id, customer_id, currency_code, discount, raw_discount,
           order_total, raw_order_total, used_at, created_at, updated_at)
         SELECT x.id, c.id, c.batch_id, ?, ?, ?, x.discount::numeric,
           jsonb_build_object('value', x.discount, 'precision', 20), ?::numeric,
           jsonb_build_object('value', ?::text, 'precision', 20), ?, now(), now()
         FROM ${USE_ROWS}
         JOIN loyalty_code c ON c.code = x.code AND c.deleted_at IS NULL
         ON CONFLICT (code_id, order_id) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id`,
        [
          data.order_id,
          data.customer_id,
          data.currency_code,
          data.order_total,
          data.order_total,
          data.used_at.toISOString(),
          this.useRows(data.uses),
        ]
      )
      return rows.length
    })
  }

  /**
   * Gives back the uses of a canceled order, once: a recorded use is marked
   * released; one the placed event has not recorded yet is written released
   * (so a late placed event records nothing). Only the uses this call
   * released come back, for the caller to give back to core's count.
   */
  async releaseUses(data: RecordCodeUsesInput, sharedContext: Context): Promise<ReleasedCodeUse[]> {
    if (!data.uses.length) {
      return []
    }
    return await ledgerTransaction(sharedContext, async (run: SqlManager) => {
      const rows = await run.execute(
        `WITH released AS (
           INSERT INTO loyalty_code_use AS u (id, code_id, batch_id, order_id, customer_id, currency_code, discount,
             raw_discount, order_total, raw_order_total, used_at, released_at, created_at, updated_at)
           SELECT x.id, c.id, c.batch_id, ?, ?, ?, x.discount::numeric,
             jsonb_build_object('value', x.discount, 'precision', 20), ?::numeric,
             jsonb_build_object('value', ?::text, 'precision', 20), ?, now(), now(), now()
           FROM ${USE_ROWS}
           JOIN loyalty_code c ON c.code = x.code AND c.deleted_at IS NULL
           ON CONFLICT (code_id, order_id) WHERE deleted_at IS NULL
           DO UPDATE SET released_at = now(), updated_at = now() WHERE u.released_at IS NULL
           RETURNING u.id, u.code_id, u.discount::text AS discount, (xmax = 0) AS inserted
         )
         SELECT r.id, r.code_id, c.code, r.discount, r.inserted FROM released r JOIN loyalty_code c ON c.id = r.code_id`,
        [
          data.order_id,
          data.customer_id,
          data.currency_code,
          data.order_total,
          data.order_total,
          data.used_at.toISOString(),
          this.useRows(data.uses),
        ]
      )
      return rows.map((r: any) => ({ ...r, inserted: !!r.inserted, discount: MathBN.convert(r.discount).toFixed() }))
    })
  }

  /** The undo of `releaseUses`: written rows removed, released ones standing again. */
  async restoreUses(released: ReleasedCodeUse[], sharedContext: Context): Promise<void> {
    const inserted = released.filter((r) => r.inserted).map((r) => r.id)
    const updated = released.filter((r) => !r.inserted).map((r) => r.id)
    const run = boundSql(sharedContext)
    if (inserted.length) {
      await run.execute(`DELETE FROM loyalty_code_use WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`, [
        JSON.stringify(inserted),
      ])
    }
    if (updated.length) {
      await run.execute(
        `UPDATE loyalty_code_use SET released_at = NULL, updated_at = now()
         WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
        [JSON.stringify(updated)]
      )
    }
  }

  /**
   * Per batch: codes issued, codes used by an order that stands, the share
   * used, and per currency the total of those orders (each order once) and
   * the discount the codes gave.
   */
  async batchStats(batches: { id: string; issued: number }[], sharedContext: Context): Promise<Record<string, CodeBatchStats>> {
    const stats: Record<string, CodeBatchStats> = {}
    for (const b of batches) {
      stats[b.id] = { codes: b.issued, used: 0, redemption_rate: "0", revenue: {}, discount: {} }
    }
    if (!batches.length) {
      return stats
    }
    const rows = await boundSql(sharedContext).execute(
      `SELECT o.batch_id, o.currency_code, sum(o.codes)::int AS used, sum(o.order_total)::text AS revenue,
         sum(o.discount)::text AS discount
       FROM (
         SELECT u.batch_id, u.currency_code, u.order_id, count(DISTINCT u.code_id) AS codes,
           max(u.order_total) AS order_total, sum(u.discount) AS discount
         FROM loyalty_code_use u
         WHERE u.batch_id IN (SELECT jsonb_array_elements_text(?::jsonb))
           AND u.released_at IS NULL AND u.deleted_at IS NULL
         GROUP BY u.batch_id, u.currency_code, u.order_id
       ) o
       GROUP BY o.batch_id, o.currency_code`,
      [JSON.stringify(batches.map((b) => b.id))]
    )
    for (const row of rows) {
      const s = stats[row.batch_id]
      s.used += row.used
      s.revenue[row.currency_code] = MathBN.convert(row.revenue).toFixed()
      s.discount[row.currency_code] = MathBN.convert(row.discount).toFixed()
    }
    for (const s of Object.values(stats)) {
      s.redemption_rate = s.codes
        ? new BigNumberJS(s.used).times(100).div(s.codes).decimalPlaces(1, BigNumberJS.ROUND_HALF_UP).toFixed()
        : "0"
    }
    return stats
  }

  /**
   * A customer's gifts, newest first: their personal codes (with the
   * occasion that gave them, their state and end) and the wallet credit
   * occasions gave them (with the lot's state and expiry).
   */
  async listGifts(
    customerId: string,
    page: { skip: number; take: number },
    at: Date,
    sharedContext: Context
  ): Promise<{ gifts: GiftRow[]; count: number }> {
    const gifts = `
      SELECT c.id, 'code' AS type, g.kind AS occasion, c.code, b.discount_type, b.value::text AS value,
        b.currency_code AS template_currency, b.max_discount, NULL::text AS amount, NULL::text AS currency_code,
        CASE
          WHEN c.disabled_at IS NOT NULL OR b.status = 'disabled' THEN 'disabled'
          WHEN COALESCE(p.used, 0) >= COALESCE(p."limit", 1) OR EXISTS (
            SELECT 1 FROM loyalty_code_use u WHERE u.code_id = c.id AND u.released_at IS NULL AND u.deleted_at IS NULL)
            THEN 'used'
          WHEN LEAST(c.expires_at, b.ends_at) <= ?::timestamptz THEN 'expired'
          ELSE 'available'
        END AS state,
        LEAST(c.expires_at, b.ends_at) AS expires_at, c.created_at
      FROM loyalty_code c
      JOIN loyalty_code_batch b ON b.id = c.batch_id
      LEFT JOIN promotion p ON p.id = c.promotion_id AND p.deleted_at IS NULL
      LEFT JOIN loyalty_occasion_grant g ON c.source = 'occasion' AND g.id = c.source_id AND g.deleted_at IS NULL
      WHERE c.customer_id = ? AND c.deleted_at IS NULL
      UNION ALL
      SELECT g.id, 'credit', g.kind, NULL, NULL, NULL, NULL, NULL, g.amount::text, g.currency_code,
        CASE
          WHEN l.expired_at IS NOT NULL OR (l.expires_at <= ?::timestamptz AND l.remaining > 0) THEN 'expired'
          WHEN l.remaining = 0 THEN 'used'
          ELSE 'available'
        END,
        l.expires_at, g.created_at
      FROM loyalty_occasion_grant g
      LEFT JOIN loyalty_wallet_lot l ON l.transaction_id = g.transaction_id
      WHERE g.customer_id = ? AND g.gift_type = 'credit' AND g.outcome = 'granted'
        AND g.transaction_id IS NOT NULL AND g.deleted_at IS NULL`
    const run = boundSql(sharedContext)
    const params = [at.toISOString(), customerId, at.toISOString(), customerId]
    const [rows, [{ count }]] = await Promise.all([
      run.execute(
        `SELECT * FROM (${gifts}) x ORDER BY x.created_at DESC, x.id DESC LIMIT ? OFFSET ?`,
        [...params, page.take, page.skip]
      ),
      run.execute(`SELECT count(*)::int AS count FROM (${gifts}) x`, params),
    ])
    return {
      count,
      gifts: rows.map((r: any) => ({
        id: r.id,
        type: r.type,
        occasion: r.occasion ?? null,
        code: r.code ?? null,
        template: r.type === "code"
          ? {
              discount_type: r.discount_type,
              value: MathBN.convert(r.value).toFixed(),
              currency_code: r.template_currency ?? null,
              max_discount: r.max_discount ?? null,
            }
          : null,
        amount: r.amount !== null && r.amount !== undefined ? MathBN.convert(r.amount).toFixed() : null,
        currency_code: r.currency_code ?? null,
        state: r.state,
        expires_at: r.expires_at ? new Date(r.expires_at) : null,
        created_at: new Date(r.created_at),
      })),
    }
  }

  protected useRows(uses: OrderCodeUse[]): string {
    const ids = entityIds("lcuse", uses.length)
    return JSON.stringify(uses.map((u, i) => ({ id: ids[i], code: u.code, discount: MathBN.convert(u.discount).toFixed() })))
  }
}
