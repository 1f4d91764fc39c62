import { Context } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { LoyaltyErrorCode, loyaltyError } from "../../../utils/error-codes"
import { entityIds } from "../../../utils/ids"
import { rawAmount } from "../../../utils/money"
import { generateReferralCode, isReferralCodeShape, normalizeReferralCode } from "../../../utils/referrals"
import { ReferralFactsRoom } from "./referral-facts"
import { ledgerTransaction, sql } from "./sql"

export type ReferralGiftType = "code" | "credit" | "none"
export type ReferralChannel = "online" | "kiosk" | "till"
export type ReferralStatus = "joined" | "ordered" | "held" | "pending" | "rewarded" | "refused" | "reversed"

/** The shop's referral programme (see models/referral-program.ts for each field). */
export type ReferralProgramRow = {
  enabled: boolean
  friend_gift_type: ReferralGiftType
  friend_batch_id: string | null
  friend_credit: Record<string, string> | null
  friend_credit_valid_days: number
  min_order_amount: Record<string, string> | null
  referrer_credit: Record<string, string> | null
  referrer_credit_valid_days: number | null
  hold_days: number
  referrer_percent: string | null
  referrer_orders: number
  referrer_monthly_cap: number
  daily_source_limit: number
  credit_share_hold: number
  require_verified_phone: boolean
  share_url: string | null
}

/** What the programme is while the shop has not saved it: the model's defaults (off). */
export const DEFAULT_REFERRAL_PROGRAM: ReferralProgramRow = {
  enabled: false,
  friend_gift_type: "none",
  friend_batch_id: null,
  friend_credit: null,
  friend_credit_valid_days: 30,
  min_order_amount: null,
  referrer_credit: null,
  referrer_credit_valid_days: null,
  hold_days: 14,
  referrer_percent: null,
  referrer_orders: 0,
  referrer_monthly_cap: 10,
  daily_source_limit: 3,
  credit_share_hold: 50,
  require_verified_phone: true,
  share_url: null,
}
const PROGRAM_FIELDS = Object.keys(DEFAULT_REFERRAL_PROGRAM) as (keyof ReferralProgramRow)[]
const PROGRAM_JSON = new Set(["friend_credit", "min_order_amount", "referrer_credit"])
const PROGRAM_COLUMNS = [
  "id",
  ...PROGRAM_FIELDS.map((f) => (f === "referrer_percent" ? `referrer_percent::text AS referrer_percent` : `"${f}"`)),
].join(", ")
// One programme per shop, under a fixed id: two admins saving at once write one row.
const PROGRAM_ID = "lrfp_shop"

/** A referral as stored, every column (the engine's; answers show a `ReferralView`). */
export type ReferralRow = {
  id: string
  referrer_id: string
  friend_id: string
  code: string
  channel: ReferralChannel
  status: ReferralStatus
  reasons: string[]
  held_stage: "claim" | "order" | null
  friend_phone: string | null
  friend_email: string | null
  ip: string | null
  device_id: string | null
  order_id: string | null
  order_total: string | null
  currency_code: string | null
  friend_code_id: string | null
  friend_transaction_id: string | null
  referrer_transaction_id: string | null
  referrer_amount: string | null
  available_at: Date | null
  rewarded_at: Date | null
  reversed_at: Date | null
  bonus_orders: number
  reviewed_by: string | null
  reviewed_at: Date | null
  created_at: Date
}

/** A customer as the referral lists name them. */
export type ReferralCustomerBrief = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
}

/** A referral in an answer: no address, device, phone or e-mail of the claim. */
export type ReferralView = Omit<ReferralRow, "friend_phone" | "friend_email" | "ip" | "device_id" | "referrer_transaction_id"> & {
  referrer: ReferralCustomerBrief | null
  friend: ReferralCustomerBrief | null
}

export function toReferralView(
  row: ReferralRow,
  sides: { referrer?: ReferralCustomerBrief | null; friend?: ReferralCustomerBrief | null } = {}
): ReferralView {
  const { friend_phone, friend_email, ip, device_id, referrer_transaction_id, ...view } = row
  return { ...view, referrer: sides.referrer ?? null, friend: sides.friend ?? null }
}

/** A referral to write at a claim; `referrer_cap` and the status follow from the count under the lock. */
export type NewReferral = {
  referrer_id: string
  friend_id: string
  code: string
  channel: ReferralChannel
  status: "joined" | "held" | "refused"
  reasons: string[]
  friend_phone: string | null
  friend_email: string | null
  ip: string | null
  device_id: string | null
  at: Date
}

/** Columns a status move or a record may set. */
export type ReferralChanges = Partial<
  Pick<
    ReferralRow,
    | "status"
    | "reasons"
    | "held_stage"
    | "order_id"
    | "order_total"
    | "currency_code"
    | "friend_code_id"
    | "friend_transaction_id"
    | "referrer_transaction_id"
    | "referrer_amount"
    | "available_at"
    | "rewarded_at"
    | "reversed_at"
    | "reviewed_by"
    | "reviewed_at"
  >
>
const CHANGE_COLUMNS: (keyof ReferralChanges)[] = [
  "status", "reasons", "held_stage", "order_id", "order_total", "currency_code", "friend_code_id",
  "friend_transaction_id", "referrer_transaction_id", "referrer_amount", "available_at", "rewarded_at",
  "reversed_at", "reviewed_by", "reviewed_at",
]
const AMOUNT_COLUMNS = new Set(["order_total", "referrer_amount"])
const DATE_COLUMNS = new Set(["available_at", "rewarded_at", "reversed_at", "reviewed_at"])

/** Extra conditions of a status move. */
export type ReferralGuard = {
  held_stage?: "claim" | "order"
  order_id?: string
  /** Only while the referrer's credit is not spendable yet (its `available_at` after this). */
  available_after?: Date
}

const REFERRAL_COLUMNS = `r.id, r.referrer_id, r.friend_id, r.code, r.channel, r.status, r.reasons, r.held_stage,
  r.friend_phone, r.friend_email, r.ip, r.device_id, r.order_id, r.order_total::text AS order_total, r.currency_code,
  r.friend_code_id, r.friend_transaction_id, r.referrer_transaction_id, r.referrer_amount::text AS referrer_amount,
  r.available_at, r.rewarded_at, r.reversed_at, r.bonus_orders, r.reviewed_by, r.reviewed_at, r.created_at`

const date = (v: unknown) => (v ? new Date(v as string) : null)
const amount = (v: unknown) => (v === null || v === undefined ? null : MathBN.convert(v as string).toFixed())
const json = (values: unknown[]) => JSON.stringify(values)
// A list bound as one JSON parameter: the same SQL runs on the ORM's
// connection and on ledgerTransaction's own.
const IN_JSON = `(SELECT jsonb_array_elements_text(?::jsonb))`

function formatReferral(row: any): ReferralRow {
  return {
    id: row.id,
    referrer_id: row.referrer_id,
    friend_id: row.friend_id,
    code: row.code,
    channel: row.channel,
    status: row.status,
    reasons: Array.isArray(row.reasons) ? row.reasons : [],
    held_stage: row.held_stage ?? null,
    friend_phone: row.friend_phone ?? null,
    friend_email: row.friend_email ?? null,
    ip: row.ip ?? null,
    device_id: row.device_id ?? null,
    order_id: row.order_id ?? null,
    order_total: amount(row.order_total),
    currency_code: row.currency_code ?? null,
    friend_code_id: row.friend_code_id ?? null,
    friend_transaction_id: row.friend_transaction_id ?? null,
    referrer_transaction_id: row.referrer_transaction_id ?? null,
    referrer_amount: amount(row.referrer_amount),
    available_at: date(row.available_at),
    rewarded_at: date(row.rewarded_at),
    reversed_at: date(row.reversed_at),
    bonus_orders: Number(row.bonus_orders ?? 0),
    reviewed_by: row.reviewed_by ?? null,
    reviewed_at: date(row.reviewed_at),
    created_at: new Date(row.created_at),
  }
}

function formatProgram(row: any): ReferralProgramRow {
  const program = { ...DEFAULT_REFERRAL_PROGRAM }
  for (const field of PROGRAM_FIELDS) {
    if (row[field] !== undefined) {
      ;(program as any)[field] = row[field]
    }
  }
  program.referrer_percent = amount(row.referrer_percent)
  return program
}

/**
 * Referrals: members' referral codes, the shop's programme, and each
 * referral from the friend's claim to the referrer's reward (the fraud
 * checks' reads are in referral-facts.ts). SQL only; the workflows decide.
 * Writes only its own tables.
 */
export class ReferralsRoom {
  /** The fraud checks' reads (referral-facts.ts). */
  readonly facts = new ReferralFactsRoom()

  /** The programme; its defaults (off) while the shop has not saved it. */
  async retrieveProgram(sharedContext: Context): Promise<ReferralProgramRow> {
    const [row] = await sql(sharedContext).execute(
      `SELECT ${PROGRAM_COLUMNS} FROM loyalty_referral_program
       WHERE deleted_at IS NULL ORDER BY (id = '${PROGRAM_ID}') DESC, created_at LIMIT 1`
    )
    return row ? formatProgram(row) : { ...DEFAULT_REFERRAL_PROGRAM }
  }

  /** Saves the programme (the whole row); returns it and what it was before (for an undo). */
  async updateProgram(
    data: Partial<ReferralProgramRow>,
    sharedContext: Context
  ): Promise<{ program: ReferralProgramRow; before: ReferralProgramRow }> {
    return await ledgerTransaction(sharedContext, async (manager) => {
      const [existing] = await manager.execute(
        `SELECT ${PROGRAM_COLUMNS} FROM loyalty_referral_program
         WHERE deleted_at IS NULL ORDER BY (id = '${PROGRAM_ID}') DESC, created_at LIMIT 1 FOR UPDATE`
      )
      const before = existing ? formatProgram(existing) : { ...DEFAULT_REFERRAL_PROGRAM }
      const next: ReferralProgramRow = { ...before }
      for (const field of PROGRAM_FIELDS) {
        if (data[field] !== undefined) {
          ;(next as any)[field] = data[field]
        }
      }
      const values = PROGRAM_FIELDS.map((f) => {
        const v = next[f]
        return PROGRAM_JSON.has(f) ? (v ? JSON.stringify(v) : null) : v
      })
      const percent = next.referrer_percent === null ? null : MathBN.convert(next.referrer_percent)
      const columns = PROGRAM_FIELDS.map((f) => `"${f}"`).join(", ")
      const placeholders = PROGRAM_FIELDS.map((f) => (PROGRAM_JSON.has(f) ? "?::jsonb" : "?")).join(", ")
      const [row] = await manager.execute(
        `INSERT INTO loyalty_referral_program (id, ${columns}, raw_referrer_percent, created_at, updated_at)
         VALUES (?, ${placeholders}, ?::jsonb, now(), now())
         ON CONFLICT (id) DO UPDATE SET ${PROGRAM_FIELDS.map((f) => `"${f}" = EXCLUDED."${f}"`).join(", ")},
           raw_referrer_percent = EXCLUDED.raw_referrer_percent, deleted_at = NULL, updated_at = now()
         RETURNING ${PROGRAM_COLUMNS}`,
        [existing?.id ?? PROGRAM_ID, ...values, percent ? rawAmount(percent) : null]
      )
      return { program: formatProgram(row), before }
    })
  }

  /**
   * A member's code, made the first time it is asked for and never changed.
   * Two requests at once, or a new code that happens to be taken, end in
   * the unique indexes: the loop reads the winner or draws again.
   * NOT_FOUND for a customer that does not exist.
   */
  async retrieveOrCreateCode(
    customerId: string,
    sharedContext: Context
  ): Promise<{ customer_id: string; code: string }> {
    const manager = sql(sharedContext)
    for (let attempt = 0; attempt < 10; attempt++) {
      const [existing] = await manager.execute(
        `SELECT customer_id, code FROM loyalty_referral_code WHERE customer_id = ? AND deleted_at IS NULL`,
        [customerId]
      )
      if (existing) {
        return { customer_id: existing.customer_id, code: existing.code }
      }
      const [inserted] = await manager.execute(
        `INSERT INTO loyalty_referral_code (id, customer_id, code, created_at, updated_at)
         SELECT ?, ?, ?, now(), now()
         WHERE EXISTS (SELECT 1 FROM customer WHERE id = ? AND deleted_at IS NULL)
         ON CONFLICT DO NOTHING
         RETURNING customer_id, code`,
        [entityIds("lrfc", 1)[0], customerId, generateReferralCode(), customerId]
      )
      if (inserted) {
        return { customer_id: inserted.customer_id, code: inserted.code }
      }
      const [customer] = await manager.execute(`SELECT 1 FROM customer WHERE id = ? AND deleted_at IS NULL`, [customerId])
      if (!customer) {
        throw loyaltyError(
          MedusaError.Types.NOT_FOUND,
          `Customer with id: ${customerId} was not found`,
          LoyaltyErrorCode.CUSTOMER_NOT_FOUND
        )
      }
    }
    throw new MedusaError(MedusaError.Types.CONFLICT, `No free referral code was found for customer ${customerId}: try again`)
  }

  /** The member a typed code belongs to (normalised first), or null. */
  async findCode(typed: string, sharedContext: Context): Promise<{ customer_id: string; code: string } | null> {
    const code = normalizeReferralCode(typed)
    if (!isReferralCodeShape(code)) {
      return null
    }
    const [row] = await sql(sharedContext).execute(
      `SELECT customer_id, code FROM loyalty_referral_code WHERE code = ? AND deleted_at IS NULL`,
      [code]
    )
    return row ? { customer_id: row.customer_id, code: row.code } : null
  }

  async retrieveReferral(id: string, sharedContext: Context): Promise<ReferralRow | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT ${REFERRAL_COLUMNS} FROM loyalty_referral r WHERE r.id = ? AND r.deleted_at IS NULL`,
      [id]
    )
    return row ? formatReferral(row) : null
  }

  /** The friend's live referral (any status but refused), or null: there is at most one. */
  async liveReferralOf(friendId: string, sharedContext: Context): Promise<ReferralRow | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT ${REFERRAL_COLUMNS} FROM loyalty_referral r
       WHERE r.friend_id = ? AND r.status <> 'refused' AND r.deleted_at IS NULL`,
      [friendId]
    )
    return row ? formatReferral(row) : null
  }

  /** The referral whose qualifying order this is, or null. */
  async referralOfOrder(orderId: string, sharedContext: Context): Promise<ReferralRow | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT ${REFERRAL_COLUMNS} FROM loyalty_referral r
       WHERE r.order_id = ? AND r.deleted_at IS NULL ORDER BY r.created_at DESC LIMIT 1`,
      [orderId]
    )
    return row ? formatReferral(row) : null
  }

  /**
   * Writes a claim. Under a transaction-scoped advisory lock on the
   * referrer, the referrer's referrals not refused in the 30 days before
   * `at` are counted: at the monthly cap the claim is refused
   * (`referrer_cap`), and two racing claims cannot both slip under it. The
   * unique index on the friend's live referral decides a race between
   * claims on one friend: the loser writes nothing and gets null.
   */
  async insertReferral(
    data: NewReferral,
    limits: { monthly_cap: number },
    sharedContext: Context
  ): Promise<ReferralRow | null> {
    return await ledgerTransaction(sharedContext, async (manager) => {
      await manager.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [`loyalty_referral:${data.referrer_id}`])
      const [{ count }] = await manager.execute(
        `SELECT count(*)::int AS count FROM loyalty_referral
         WHERE referrer_id = ? AND status <> 'refused' AND deleted_at IS NULL
           AND created_at > ?::timestamptz - interval '30 days'`,
        [data.referrer_id, data.at.toISOString()]
      )
      let { status, reasons } = data
      if (count >= limits.monthly_cap) {
        status = "refused"
        reasons = [...reasons, "referrer_cap"]
      }
      const [row] = await manager.execute(
        `INSERT INTO loyalty_referral AS r (id, referrer_id, friend_id, code, channel, status, reasons, held_stage,
           friend_phone, friend_email, ip, device_id, bonus_orders, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, 0, ?::timestamptz, now())
         ON CONFLICT DO NOTHING
         RETURNING ${REFERRAL_COLUMNS}`,
        [
          entityIds("lref", 1)[0],
          data.referrer_id,
          data.friend_id,
          data.code,
          data.channel,
          status,
          JSON.stringify(reasons),
          status === "held" ? "claim" : null,
          data.friend_phone,
          data.friend_email,
          data.ip,
          data.device_id,
          data.at.toISOString(),
        ]
      )
      return row ? formatReferral(row) : null
    })
  }

  /** The undo of a claim: the row goes (it never was). */
  async deleteReferral(id: string, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(`DELETE FROM loyalty_referral WHERE id = ?`, [id])
  }

  /**
   * Moves a referral only from one of `from` (null: any status), with the
   * guard's extra conditions, setting `changes`; returns it, or null when
   * it was not there to move (a repeated event, a race another run won).
   */
  async moveReferral(
    id: string,
    from: ReferralStatus[] | null,
    changes: ReferralChanges,
    guard: ReferralGuard,
    sharedContext: Context
  ): Promise<ReferralRow | null> {
    const sets: string[] = []
    const params: unknown[] = []
    for (const column of CHANGE_COLUMNS) {
      if (!(column in changes)) {
        continue
      }
      const value = changes[column] as any
      if (column === "reasons") {
        sets.push(`reasons = ?::jsonb`)
        params.push(JSON.stringify(value ?? []))
      } else if (AMOUNT_COLUMNS.has(column)) {
        sets.push(`${column} = ?::numeric, raw_${column} = ?::jsonb`)
        params.push(value ?? null, value === null || value === undefined ? null : rawAmount(MathBN.convert(value)))
      } else if (DATE_COLUMNS.has(column)) {
        sets.push(`${column} = ?::timestamptz`)
        params.push(value ? new Date(value).toISOString() : null)
      } else {
        sets.push(`${column} = ?`)
        params.push(value ?? null)
      }
    }
    const where: string[] = [`r.id = ?`, `r.deleted_at IS NULL`]
    const whereParams: unknown[] = [id]
    if (from) {
      where.push(`r.status IN ${IN_JSON}`)
      whereParams.push(json(from))
    }
    if (guard.held_stage) {
      where.push(`r.held_stage = ?`)
      whereParams.push(guard.held_stage)
    }
    if (guard.order_id) {
      where.push(`r.order_id = ?`)
      whereParams.push(guard.order_id)
    }
    if (guard.available_after) {
      where.push(`r.available_at > ?::timestamptz`)
      whereParams.push(guard.available_after.toISOString())
    }
    const [row] = await sql(sharedContext).execute(
      `UPDATE loyalty_referral r SET ${[...sets, "updated_at = now()"].join(", ")}
       WHERE ${where.join(" AND ")}
       RETURNING ${REFERRAL_COLUMNS}`,
      [...params, ...whereParams]
    )
    return row ? formatReferral(row) : null
  }

  /** The undo of a move or a record: every column a move sets, back as it was. */
  async restoreReferral(before: ReferralRow, sharedContext: Context): Promise<void> {
    const changes: ReferralChanges = {}
    for (const column of CHANGE_COLUMNS) {
      ;(changes as any)[column] = (before as any)[column] ?? null
    }
    await this.moveReferral(before.id, null, changes, {}, sharedContext)
    await sql(sharedContext).execute(`UPDATE loyalty_referral SET bonus_orders = ? WHERE id = ?`, [
      before.bonus_orders,
      before.id,
    ])
  }

  /** Counts a later order of the friend that earned the referrer a percentage, while under `max`. */
  async bumpBonusOrders(id: string, max: number, sharedContext: Context): Promise<ReferralRow | null> {
    const [row] = await sql(sharedContext).execute(
      `UPDATE loyalty_referral r SET bonus_orders = bonus_orders + 1, updated_at = now()
       WHERE r.id = ? AND r.deleted_at IS NULL AND r.bonus_orders < ? AND r.status IN ('pending', 'rewarded')
       RETURNING ${REFERRAL_COLUMNS}`,
      [id, max]
    )
    return row ? formatReferral(row) : null
  }

  /** The undo of `bumpBonusOrders`. */
  async dropBonusOrder(id: string, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE loyalty_referral SET bonus_orders = bonus_orders - 1, updated_at = now() WHERE id = ? AND bonus_orders > 0`,
      [id]
    )
  }

  /** Referrals whose referrer's credit was released: `pending` -> `rewarded`, each once. */
  async rewardReferrals(ids: string[], at: Date, sharedContext: Context): Promise<ReferralRow[]> {
    if (!ids.length) {
      return []
    }
    const rows = await sql(sharedContext).execute(
      `UPDATE loyalty_referral r SET status = 'rewarded', rewarded_at = ?::timestamptz, updated_at = now()
       WHERE r.id IN ${IN_JSON} AND r.status = 'pending' AND r.deleted_at IS NULL
       RETURNING ${REFERRAL_COLUMNS}`,
      [at.toISOString(), json(ids)]
    )
    return rows.map(formatReferral)
  }

  /** The undo of `rewardReferrals`. */
  async unrewardReferrals(ids: string[], sharedContext: Context): Promise<void> {
    if (!ids.length) {
      return
    }
    await sql(sharedContext).execute(
      `UPDATE loyalty_referral SET status = 'pending', rewarded_at = NULL, updated_at = now()
       WHERE id IN ${IN_JSON} AND status = 'rewarded'`,
      [json(ids)]
    )
  }
}
