import { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { createHash, randomInt } from "crypto"
import { entityIds } from "../../../utils/ids"
import { ledgerTransaction, sql } from "./sql"
import { PosReceiptClaim } from "../types"

// A code's hash is salted with its row id, so equal codes hash apart.
const codeHash = (id: string, code: string) => createHash("sha256").update(`${id}:${code}`).digest("hex")

/** The module service's generated `listPosPurchases` (a till receipt's row as the API returns it). */
export type ListPosPurchases = (
  filters: Record<string, unknown>,
  config: Record<string, unknown>,
  sharedContext: Context
) => Promise<Record<string, any>[]>

/** The till and the kiosk: receipts, one-time codes, members' phones. */
export class TillRoom {
  constructor(protected readonly listPosPurchases: ListPosPurchases) {}

  /**
   * Claims a till receipt for a purchase: the first claim writes the row,
   * a repeat (or a concurrent duplicate) gets the row that is there, so a
   * receipt is registered once per location. Receipts are keyed by location
   * (the till key's), so another shop's "0001" is its own purchase.
   */
  async claimPosReceipt(
    data: PosReceiptClaim,
    sharedContext: Context
  ): Promise<{ purchase: Record<string, any>; created: boolean }> {
    const amount = MathBN.convert(data.amount).toFixed()
    const inserted = await sql(sharedContext).execute(
      `INSERT INTO loyalty_pos_purchase (id, receipt_id, customer_id, phone, pos_key_id, location, amount, raw_amount,
         currency_code, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?::numeric, jsonb_build_object('value', ?::text, 'precision', 20), ?, ?, now(), now())
       ON CONFLICT (location, receipt_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [
        entityIds("lposp", 1)[0],
        data.receipt_id,
        data.customer_id,
        data.phone ?? null,
        data.pos_key_id ?? null,
        data.location,
        amount,
        amount,
        data.currency_code.toLowerCase(),
        data.note ?? null,
      ]
    )
    const [purchase] = await this.listPosPurchases(
      { receipt_id: data.receipt_id, location: data.location },
      {},
      sharedContext
    )
    return { purchase, created: inserted.length > 0 }
  }

  /**
   * Issues a one-time code for a phone, unless the phone or the address asked
   * too often lately, or (sign-up) the shop sent its hourly cap of codes
   * (then `limited`, and no code). Only the code's hash is stored. Returns
   * the code to send.
   */
  async issueOneTimeCode(
    data: {
      phone: string
      purpose: "signup" | "redeem"
      ip?: string | null
      ttl_ms?: number
      limits?: { per_phone: number; per_ip: number; window_ms: number; per_hour?: number | null }
    },
    sharedContext: Context
  ): Promise<{ limited: true } | { limited: false; id: string; code: string; expires_at: Date }> {
    const limits = data.limits ?? { per_phone: 3, per_ip: 10, window_ms: 10 * 60 * 1000 }
    const since = new Date(Date.now() - limits.window_ms).toISOString()
    return await ledgerTransaction(sharedContext, async (sql) => {
      // One request at a time per phone, so a burst cannot pass the limit;
      // the shop-wide cap and the address take their own locks, in this
      // order in every request, so bursts across phones cannot pass them.
      await sql.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`otp:${data.phone}`])
      if (data.ip) {
        await sql.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`otp-ip:${data.ip}`])
      }
      if (limits.per_hour != null) {
        await sql.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`otp-all:${data.purpose}`])
      }
      // Each count reads its own index: (phone, purpose, created_at),
      // (ip, created_at) and (purpose, created_at).
      const [counts] = await sql.execute(
        `SELECT
           (SELECT count(*) FROM loyalty_one_time_code
            WHERE phone = ? AND purpose = ? AND created_at >= ? AND deleted_at IS NULL)::int AS phone,
           (SELECT count(*) FROM loyalty_one_time_code
            WHERE ?::text IS NOT NULL AND ip = ? AND created_at >= ? AND deleted_at IS NULL)::int AS ip,
           (SELECT count(*) FROM loyalty_one_time_code
            WHERE ?::boolean AND purpose = ? AND created_at >= ? AND deleted_at IS NULL)::int AS hour`,
        [
          data.phone,
          data.purpose,
          since,
          data.ip ?? null,
          data.ip ?? null,
          since,
          limits.per_hour != null,
          data.purpose,
          new Date(Date.now() - 60 * 60 * 1000).toISOString(),
        ]
      )
      if (
        counts.phone >= limits.per_phone ||
        (data.ip && counts.ip >= limits.per_ip) ||
        (limits.per_hour != null && counts.hour >= limits.per_hour)
      ) {
        return { limited: true as const }
      }
      const id = entityIds("lotc", 1)[0]
      const code = String(randomInt(0, 1000000)).padStart(6, "0")
      const expiresAt = new Date(Date.now() + (data.ttl_ms ?? 5 * 60 * 1000))
      await sql.execute(
        `INSERT INTO loyalty_one_time_code (id, phone, purpose, code_hash, expires_at, attempts, ip, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 0, ?, now(), now())`,
        [id, data.phone, data.purpose, codeHash(id, code), expiresAt.toISOString(), data.ip ?? null]
      )
      return { limited: false as const, id, code, expires_at: expiresAt }
    })
  }

  /**
   * Checks a code against the phone's latest one: right, not expired, not
   * used, fewer than `max_attempts` wrong guesses so far. A wrong guess
   * counts; a right one uses the code up. One answer for every failure, so
   * a guesser learns nothing.
   */
  async verifyOneTimeCode(
    data: { phone: string; purpose: "signup" | "redeem"; code: string; max_attempts?: number },
    sharedContext: Context
  ): Promise<boolean> {
    return await ledgerTransaction(sharedContext, async (sql) => {
      const [row] = await sql.execute(
        `SELECT id, code_hash, attempts, expires_at, consumed_at FROM loyalty_one_time_code
         WHERE phone = ? AND purpose = ? AND deleted_at IS NULL
         ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE`,
        [data.phone, data.purpose]
      )
      if (!row || row.consumed_at || new Date(row.expires_at) <= new Date() || row.attempts >= (data.max_attempts ?? 5)) {
        return false
      }
      if (codeHash(row.id, data.code) !== row.code_hash) {
        await sql.execute(`UPDATE loyalty_one_time_code SET attempts = attempts + 1, updated_at = now() WHERE id = ?`, [row.id])
        return false
      }
      await sql.execute(`UPDATE loyalty_one_time_code SET consumed_at = now(), updated_at = now() WHERE id = ?`, [row.id])
      return true
    })
  }

  /** The member a phone (E.164) belongs to, from the club's own phone table. */
  async retrieveMemberByPhone(
    phone: string,
    sharedContext: Context
  ): Promise<{ customer_id: string; source: string } | undefined> {
    const [row] = await sql(sharedContext).execute(
      `SELECT customer_id, source FROM loyalty_member_phone WHERE phone = ? AND deleted_at IS NULL`,
      [phone]
    )
    return row ? { customer_id: row.customer_id, source: row.source } : undefined
  }

  /**
   * Makes a customer the member for a phone (E.164), unless the phone
   * already has one: the unique phone index decides between concurrent
   * requests, and the one that lost gets the member that won
   * (`created: false`). `source` says how the phone was proven.
   */
  async registerMemberPhone(
    data: { phone: string; customer_id: string; source: "code" | "pos" | "admin" | "import" },
    sharedContext: Context
  ): Promise<{ customer_id: string; created: boolean }> {
    const inserted = await sql(sharedContext).execute(
      `INSERT INTO loyalty_member_phone (id, phone, customer_id, source, verified_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, CASE WHEN ? = 'code' THEN now() END, now(), now())
       ON CONFLICT (phone) WHERE deleted_at IS NULL DO NOTHING
       RETURNING customer_id`,
      [entityIds("lmph", 1)[0], data.phone, data.customer_id, data.source, data.source]
    )
    if (inserted.length) {
      return { customer_id: inserted[0].customer_id, created: true }
    }
    const member = await this.retrieveMemberByPhone(data.phone, sharedContext)
    return { customer_id: member!.customer_id, created: false }
  }

  /**
   * Deletes one-time codes created before `before` (codes live minutes, the
   * rate limits look back an hour): a batch per call, oldest first. Returns
   * how many went.
   */
  async purgeOneTimeCodes(
    data: { before: Date; batch_size?: number },
    sharedContext: Context
  ): Promise<number> {
    const rows = await sql(sharedContext).execute(
      `DELETE FROM loyalty_one_time_code WHERE id IN (
         SELECT id FROM loyalty_one_time_code WHERE created_at < ? AND deleted_at IS NULL ORDER BY created_at LIMIT ?)
       RETURNING id`,
      [data.before.toISOString(), data.batch_size ?? 10000]
    )
    return rows.length
  }
}
