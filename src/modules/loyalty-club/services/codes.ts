import { Context } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { generateCodes } from "../../../utils/discount-codes"
import { LoyaltyErrorCode } from "../../../utils/error-codes"
import { entityIds } from "../../../utils/ids"
import { rawAmount } from "../../../utils/money"
import { CodeUsesRoom } from "./code-uses"
import { boundSql, ledgerTransaction, sql, SqlManager } from "./sql"

export type CodeBatchRow = {
  id: string
  name: string
  kind: "bulk" | "personal"
  status: "creating" | "active" | "disabled" | "failed"
  campaign_id: string | null
  discount_type: "percentage" | "fixed"
  target: "items" | "order" | "shipping"
  value: string
  currency_code: string | null
  max_discount: Record<string, string> | null
  min_basket: Record<string, string> | null
  starts_at: Date | null
  ends_at: Date | null
  valid_days: number | null
  product_ids: string[] | null
  category_ids: string[] | null
  customer_group_ids: string[] | null
  /** Only customers in one of these saved segments may use the codes. */
  segment_ids: string[] | null
  prefix: string | null
  quantity: number
  issued: number
  error: string | null
  created_by: string | null
  disabled_at: Date | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

export type CreateCodeBatchInput = Omit<
  CodeBatchRow,
  "status" | "issued" | "error" | "disabled_at" | "created_at" | "updated_at" | "metadata"
> & { status: CodeBatchRow["status"]; metadata?: Record<string, unknown> | null }

export type CodeRow = {
  id: string
  batch_id: string
  code: string
  promotion_id: string | null
  customer_id: string | null
  expires_at: Date | null
  source: string
  source_id: string | null
  disabled_at: Date | null
  created_at: Date
}

/** A code with its batch and whether its single use is taken, as a cart check reads it. */
export type CodeOnCart = CodeRow & {
  used: boolean
  batch: CodeBatchRow
  /** How its promotion computes now (a capped percent switches between the two); null before it is made. */
  method: { type: string; value: string; currency_code: string | null } | null
}

export type IssuePersonalCodeInput = {
  batch_id: string
  customer_id: string
  source: string
  source_id?: string | null
  expires_at: Date | null
  prefix: string | null
}

const BATCH_FIELDS = [
  "id", "name", "kind", "status", "campaign_id", "discount_type", "target", "value", "currency_code", "max_discount",
  "min_basket", "starts_at", "ends_at", "valid_days", "product_ids", "category_ids", "customer_group_ids", "segment_ids", "prefix",
  "quantity", "issued", "error", "created_by", "disabled_at", "metadata", "created_at", "updated_at",
]
const batchColumn = (f: string) => (f === "value" ? "b.value::text" : `b.${f}`)
const BATCH_COLUMNS = BATCH_FIELDS.map((f) => `${batchColumn(f)} AS ${f}`).join(", ")
// The batch beside a code's columns, each aliased `b_<field>`.
const PREFIXED_BATCH_COLUMNS = BATCH_FIELDS.map((f) => `${batchColumn(f)} AS b_${f}`).join(", ")

const CODE_COLUMNS = `c.id, c.batch_id, c.code, c.promotion_id, c.customer_id, c.expires_at, c.source, c.source_id,
  c.disabled_at, c.created_at`

// A code's single use is taken when core counted it (the promotion's
// `used`, moved at cart completion under its row lock) or an order that
// used it stands (our use row, written on order.placed, released on cancel).
const USED = `(COALESCE(p.used, 0) >= COALESCE(p."limit", 1) OR EXISTS (
    SELECT 1 FROM loyalty_code_use u WHERE u.code_id = c.id AND u.released_at IS NULL AND u.deleted_at IS NULL))`

const date = (v: unknown) => (v ? new Date(v as string) : null)

export function formatBatch(row: any): CodeBatchRow {
  return {
    ...row,
    value: MathBN.convert(row.value).toFixed(),
    starts_at: date(row.starts_at),
    ends_at: date(row.ends_at),
    disabled_at: date(row.disabled_at),
    created_at: new Date(row.created_at),
    updated_at: new Date(row.updated_at),
  }
}

function formatCode(row: any): CodeRow {
  return {
    id: row.id,
    batch_id: row.batch_id,
    code: row.code,
    promotion_id: row.promotion_id ?? null,
    customer_id: row.customer_id ?? null,
    expires_at: date(row.expires_at),
    source: row.source,
    source_id: row.source_id ?? null,
    disabled_at: date(row.disabled_at),
    created_at: new Date(row.created_at),
  }
}

/** The rows of a batch's SELECT aliased `b_*`, back into a batch. */
function unprefix(row: any, prefix: string) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(prefix)) {
      out[key.slice(prefix.length)] = value
    }
  }
  return out
}

/**
 * Discount code batches and their codes: a batch row (the template and its
 * Medusa campaign), bulk codes inserted set-based in chunks under the
 * batch's row lock, personal codes keyed by what issued them, the codes a
 * cart names with their batch and use, and a code's promotion once it is
 * made. Reads core's `promotion` table for the use count (same database),
 * writes only its own tables. Uses, statistics and gift lists live in
 * code-uses.ts.
 */
export class CodesRoom {
  /** Uses by orders, statistics and gift lists (code-uses.ts). */
  readonly uses = new CodeUsesRoom()

  async createBatch(data: CreateCodeBatchInput, sharedContext: Context): Promise<CodeBatchRow> {
    const value = MathBN.convert(data.value)
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v))
    const [row] = await sql(sharedContext).execute(
      `INSERT INTO loyalty_code_batch AS b (id, name, kind, status, campaign_id, discount_type, target, value, raw_value,
         currency_code, max_discount, min_basket, starts_at, ends_at, valid_days, product_ids, category_ids,
         customer_group_ids, segment_ids, prefix, quantity, issued, created_by, metadata, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, 0, ?,
         ?::jsonb, now(), now())
       RETURNING ${BATCH_COLUMNS}`,
      [
        data.id,
        data.name,
        data.kind,
        data.status,
        data.campaign_id,
        data.discount_type,
        data.target,
        value.toFixed(),
        rawAmount(value),
        data.currency_code,
        json(data.max_discount),
        json(data.min_basket),
        data.starts_at ? new Date(data.starts_at).toISOString() : null,
        data.ends_at ? new Date(data.ends_at).toISOString() : null,
        data.valid_days,
        json(data.product_ids),
        json(data.category_ids),
        json(data.customer_group_ids),
        json(data.segment_ids),
        data.prefix,
        data.quantity,
        data.created_by,
        json(data.metadata ?? null),
      ]
    )
    return formatBatch(row)
  }

  /** The undo of `createBatch`: the batch and any codes it made. */
  async deleteBatch(id: string, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(`DELETE FROM loyalty_code WHERE batch_id = ?`, [id])
    await sql(sharedContext).execute(`DELETE FROM loyalty_code_batch WHERE id = ?`, [id])
  }

  async retrieveBatch(id: string, sharedContext: Context): Promise<CodeBatchRow> {
    const [row] = await sql(sharedContext).execute(
      `SELECT ${BATCH_COLUMNS} FROM loyalty_code_batch b WHERE b.id = ? AND b.deleted_at IS NULL`,
      [id]
    )
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Code batch with id: ${id} was not found`,
        LoyaltyErrorCode.CODE_BATCH_NOT_FOUND
      )
    }
    return formatBatch(row)
  }

  /** A page of batches, newest first: `kind`, `status`, and `q` in the name or prefix. */
  async listBatches(
    filters: { kind?: string | null; status?: string | null; q?: string | null },
    page: { skip: number; take: number },
    sharedContext: Context
  ): Promise<{ batches: CodeBatchRow[]; count: number }> {
    const where = ["b.deleted_at IS NULL"]
    const params: unknown[] = []
    if (filters.kind) {
      where.push("b.kind = ?")
      params.push(filters.kind)
    }
    if (filters.status) {
      where.push("b.status = ?")
      params.push(filters.status)
    }
    if (filters.q) {
      where.push("(b.name ILIKE ? OR b.prefix ILIKE ?)")
      const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      params.push(like, like)
    }
    const run = boundSql(sharedContext)
    const [rows, [{ count }]] = await Promise.all([
      run.execute(
        `SELECT ${BATCH_COLUMNS} FROM loyalty_code_batch b WHERE ${where.join(" AND ")}
         ORDER BY b.created_at DESC, b.id DESC LIMIT ? OFFSET ?`,
        [...params, page.take, page.skip]
      ),
      run.execute(`SELECT count(*)::int AS count FROM loyalty_code_batch b WHERE ${where.join(" AND ")}`, params),
    ])
    return { batches: rows.map(formatBatch), count }
  }

  /**
   * Marks a batch disabled (once) and returns it with the promotions its
   * codes became, for the caller to switch off in the Promotion module.
   */
  async disableBatch(
    id: string,
    sharedContext: Context
  ): Promise<{ batch: CodeBatchRow; promotion_ids: string[]; disabled: boolean }> {
    const [moved] = await sql(sharedContext).execute(
      `UPDATE loyalty_code_batch b SET status = 'disabled', disabled_at = now(), updated_at = now()
       WHERE b.id = ? AND b.status <> 'disabled' AND b.deleted_at IS NULL
       RETURNING ${BATCH_COLUMNS}`,
      [id]
    )
    const batch = moved ? formatBatch(moved) : await this.retrieveBatch(id, sharedContext)
    const rows = await sql(sharedContext).execute(
      `SELECT promotion_id FROM loyalty_code WHERE batch_id = ? AND promotion_id IS NOT NULL AND deleted_at IS NULL`,
      [id]
    )
    return { batch, promotion_ids: rows.map((r: any) => r.promotion_id), disabled: !!moved }
  }

  /** The undo of `disableBatch`: back to the status it had. */
  async restoreBatchStatus(data: { id: string; status: string }, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE loyalty_code_batch SET status = ?, disabled_at = NULL, updated_at = now() WHERE id = ?`,
      [data.status, data.id]
    )
  }

  /**
   * Adds up to `chunk` codes to a bulk batch that is still `creating`, in
   * one transaction under the batch's row lock, so two runs (the route's and
   * the job's) never pass `quantity`. Codes are made in JS and inserted with
   * one statement: one that is taken (by another code or by a Medusa
   * promotion) is skipped and made again by the next chunk. The batch turns
   * `active` when `issued` reaches `quantity`.
   */
  async issueBulkCodes(
    data: { batch_id: string; chunk: number },
    sharedContext: Context
  ): Promise<{ issued: number; quantity: number; status: string; added: number }> {
    return await ledgerTransaction(sharedContext, async (run: SqlManager) => {
      const [batch] = await run.execute(
        `SELECT quantity, issued, status, prefix FROM loyalty_code_batch WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
        [data.batch_id]
      )
      if (!batch) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Code batch with id: ${data.batch_id} was not found`,
          LoyaltyErrorCode.CODE_BATCH_NOT_FOUND
        )
      }
      const remaining = batch.quantity - batch.issued
      if (batch.status !== "creating" || remaining <= 0) {
        if (batch.status === "creating") {
          await run.execute(`UPDATE loyalty_code_batch SET status = 'active', updated_at = now() WHERE id = ?`, [
            data.batch_id,
          ])
          return { issued: batch.issued, quantity: batch.quantity, status: "active", added: 0 }
        }
        return { issued: batch.issued, quantity: batch.quantity, status: batch.status, added: 0 }
      }
      const n = Math.min(remaining, data.chunk)
      const codes = generateCodes(n, batch.prefix)
      const ids = entityIds("lcode", n)
      const [row] = await run.execute(
        `WITH ins AS (
           INSERT INTO loyalty_code (id, batch_id, code, source, created_at, updated_at)
           SELECT x.id, ?, x.code, 'bulk', now(), now()
           FROM jsonb_to_recordset(?::jsonb) AS x(id text, code text)
           WHERE NOT EXISTS (SELECT 1 FROM promotion p WHERE p.code = x.code AND p.deleted_at IS NULL)
           ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING
           RETURNING 1
         ), added AS (SELECT count(*)::int AS n FROM ins)
         UPDATE loyalty_code_batch b
         SET issued = b.issued + added.n,
             status = CASE WHEN b.issued + added.n >= b.quantity THEN 'active' ELSE b.status END,
             error = NULL, updated_at = now()
         FROM added WHERE b.id = ?
         RETURNING b.issued, b.quantity, b.status, added.n AS added`,
        [data.batch_id, JSON.stringify(codes.map((code, i) => ({ id: ids[i], code }))), data.batch_id]
      )
      return { issued: row.issued, quantity: row.quantity, status: row.status, added: row.added }
    })
  }

  /** Records why a background issue stopped (the batch stays `creating`: the job tries again). */
  async noteBatchError(data: { id: string; error: string }, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE loyalty_code_batch SET error = ?, updated_at = now() WHERE id = ?`,
      [data.error.slice(0, 1000), data.id]
    )
  }

  /** Bulk batches still being made whose last progress is older than `idle_seconds`. */
  async listStalledBatches(data: { idle_seconds: number; limit?: number }, sharedContext: Context): Promise<string[]> {
    const rows = await sql(sharedContext).execute(
      `SELECT id FROM loyalty_code_batch
       WHERE status = 'creating' AND deleted_at IS NULL AND updated_at < now() - make_interval(secs => ?)
       ORDER BY created_at LIMIT ?`,
      [data.idle_seconds, data.limit ?? 20]
    )
    return rows.map((r: any) => r.id)
  }

  /**
   * Issues one personal code. Keyed by (source, source_id): the same key
   * again returns the first code (`created: false`). A code that collides
   * with another (or with a Medusa promotion) is drawn again.
   */
  async issuePersonalCode(
    data: IssuePersonalCodeInput,
    sharedContext: Context
  ): Promise<{ code: CodeRow; created: boolean }> {
    const run = sql(sharedContext)
    const existing = async () => {
      if (!data.source_id) {
        return null
      }
      const [row] = await run.execute(
        `SELECT ${CODE_COLUMNS} FROM loyalty_code c WHERE c.source = ? AND c.source_id = ? AND c.deleted_at IS NULL`,
        [data.source, data.source_id]
      )
      return row ? formatCode(row) : null
    }
    const first = await existing()
    if (first) {
      return { code: first, created: false }
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const [code] = generateCodes(1, data.prefix)
      const [row] = await run.execute(
        `INSERT INTO loyalty_code AS c (id, batch_id, code, customer_id, expires_at, source, source_id, created_at, updated_at)
         SELECT ?, ?, ?, ?, ?, ?, ?, now(), now()
         WHERE NOT EXISTS (SELECT 1 FROM promotion p WHERE p.code = ? AND p.deleted_at IS NULL)
         ON CONFLICT DO NOTHING
         RETURNING ${CODE_COLUMNS}`,
        [
          entityIds("lcode", 1)[0],
          data.batch_id,
          code,
          data.customer_id,
          data.expires_at ? data.expires_at.toISOString() : null,
          data.source,
          data.source_id ?? null,
          code,
        ]
      )
      if (row) {
        await run.execute(`UPDATE loyalty_code_batch SET issued = issued + 1, updated_at = now() WHERE id = ?`, [
          data.batch_id,
        ])
        return { code: formatCode(row), created: true }
      }
      // Another issue with the same key won the race: answer its code.
      const raced = await existing()
      if (raced) {
        return { code: raced, created: false }
      }
    }
    throw new MedusaError(MedusaError.Types.CONFLICT, `Could not draw a free code for batch ${data.batch_id}, try again`)
  }

  /** The undo of a new personal code. */
  async deleteCode(id: string, sharedContext: Context): Promise<void> {
    const [row] = await sql(sharedContext).execute(`DELETE FROM loyalty_code WHERE id = ? RETURNING batch_id`, [id])
    if (row) {
      await sql(sharedContext).execute(`UPDATE loyalty_code_batch SET issued = issued - 1 WHERE id = ?`, [row.batch_id])
    }
  }

  /** The club's codes among `codes` (exact), each with its batch and whether its use is taken. */
  async listCodesOnCart(codes: string[], sharedContext: Context): Promise<CodeOnCart[]> {
    if (!codes.length) {
      return []
    }
    const rows = await boundSql(sharedContext).execute(
      `SELECT ${CODE_COLUMNS}, ${USED} AS used, ${PREFIXED_BATCH_COLUMNS},
         am.type AS method_type, am.value::text AS method_value, am.currency_code AS method_currency
       FROM loyalty_code c
       JOIN loyalty_code_batch b ON b.id = c.batch_id AND b.deleted_at IS NULL
       LEFT JOIN promotion p ON p.id = c.promotion_id AND p.deleted_at IS NULL
       LEFT JOIN promotion_application_method am ON am.promotion_id = p.id AND am.deleted_at IS NULL
       WHERE c.code = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb))) AND c.deleted_at IS NULL`,
      [JSON.stringify(Array.from(new Set(codes)))]
    )
    return rows.map((row: any) => ({
      ...formatCode(row),
      used: !!row.used,
      batch: formatBatch(unprefix(row, "b_")),
      method: row.method_type
        ? { type: row.method_type, value: MathBN.convert(row.method_value).toFixed(), currency_code: row.method_currency ?? null }
        : null,
    }))
  }

  /**
   * Records the promotion a code became; the first one stays (a concurrent
   * materialization that lost gets the winner's id back).
   */
  async setCodePromotion(data: { code_id: string; promotion_id: string }, sharedContext: Context): Promise<string> {
    const [row] = await sql(sharedContext).execute(
      `UPDATE loyalty_code SET promotion_id = COALESCE(promotion_id, ?), updated_at = now()
       WHERE id = ? RETURNING promotion_id`,
      [data.promotion_id, data.code_id]
    )
    return row?.promotion_id ?? data.promotion_id
  }

  /** A page of a batch's codes with their use (`q`: part of the code). */
  async listBatchCodes(
    batchId: string,
    filters: { q?: string | null; customer_id?: string | null },
    page: { skip: number; take: number; after?: string | null },
    sharedContext: Context
  ) {
    const where = ["c.batch_id = ?", "c.deleted_at IS NULL"]
    const params: unknown[] = [batchId]
    if (filters.q) {
      where.push("c.code LIKE ?")
      params.push(`%${filters.q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    }
    if (filters.customer_id) {
      where.push("c.customer_id = ?")
      params.push(filters.customer_id)
    }
    const keyset = page.after ? " AND c.id > ?" : ""
    const run = boundSql(sharedContext)
    const rows = await run.execute(
      `SELECT ${CODE_COLUMNS}, uo.order_id, ${USED} AS used
       FROM loyalty_code c
       LEFT JOIN promotion p ON p.id = c.promotion_id AND p.deleted_at IS NULL
       LEFT JOIN LATERAL (
         SELECT u.order_id FROM loyalty_code_use u
         WHERE u.code_id = c.id AND u.released_at IS NULL AND u.deleted_at IS NULL
         ORDER BY u.used_at DESC LIMIT 1) uo ON true
       WHERE ${where.join(" AND ")}${keyset}
       ORDER BY c.id LIMIT ? OFFSET ?`,
      [...params, ...(page.after ? [page.after] : []), page.take, page.after ? 0 : page.skip]
    )
    const codes = rows.map((r: any) => ({
      id: r.id,
      code: r.code,
      customer_id: r.customer_id ?? null,
      expires_at: date(r.expires_at),
      used: !!r.used,
      order_id: r.order_id ?? null,
      disabled_at: date(r.disabled_at),
    }))
    if (page.after !== undefined) {
      return { codes, count: -1 }
    }
    const [{ count }] = await run.execute(
      `SELECT count(*)::int AS count FROM loyalty_code c WHERE ${where.join(" AND ")}`,
      params
    )
    return { codes, count }
  }
}

export type { CodeBatchStats, GiftRow, OrderCodeUse, RecordCodeUsesInput, ReleasedCodeUse } from "./code-uses"
