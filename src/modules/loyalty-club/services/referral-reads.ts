import { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { isValidPhone, normalizePhone } from "../../../utils/phone"
import { normalizeReferralCode } from "../../../utils/referrals"
import type { ReferralCustomerBrief, ReferralStatus, ReferralView } from "./referrals"
import { boundSql } from "./sql"

export type { ReferralView }
export type CustomerBrief = ReferralCustomerBrief

export const REFERRAL_STATUSES = ["joined", "ordered", "held", "pending", "rewarded", "refused", "reversed"] as const satisfies readonly ReferralStatus[]

export type ReferralMoney = { currency_code: string; amount: string }

export type ReferralFilters = {
  status?: ReferralStatus | null
  q?: string | null
  referrer_id?: string | null
  friend_id?: string | null
  limit: number
  offset: number
}

export type ReferralStats = {
  invited: number
  joined: number
  ordered: number
  rewarded: number
  pending: ReferralMoney[]
  earned: ReferralMoney[]
}

export type TopReferrer = {
  customer: CustomerBrief
  code: string | null
  referrals: number
  ordered: number
  rewarded: number
  pending: number
  earned: ReferralMoney[]
  pending_amount: ReferralMoney[]
}

// The referral statuses that reached a qualifying order.
const ORDERED = `(r.status IN ('pending', 'rewarded', 'reversed') OR (r.status = 'held' AND r.held_stage = 'order'))`

// A customer's phone: the account's, else the first one the club verified
// (else, for a friend, the one they claimed with).
const PHONE = (c: string, orElse = "NULL") => `COALESCE(${c}.phone, (SELECT p.phone FROM loyalty_member_phone p
  WHERE p.customer_id = ${c}.id AND p.deleted_at IS NULL ORDER BY p.created_at LIMIT 1), ${orElse})`

const VIEW = `SELECT r.id, r.code, r.channel, r.status, r.reasons, r.held_stage, r.referrer_id, r.friend_id, r.order_id,
    r.order_total::text AS order_total, r.currency_code, r.referrer_amount::text AS referrer_amount, r.available_at,
    r.rewarded_at, r.reversed_at, r.bonus_orders, r.friend_code_id, r.friend_transaction_id, r.reviewed_by,
    r.reviewed_at, r.created_at,
    rc.id AS rc_id, rc.first_name AS rc_first_name, rc.last_name AS rc_last_name, rc.email AS rc_email,
    ${PHONE("rc")} AS rc_phone,
    fc.id AS fc_id, fc.first_name AS fc_first_name, fc.last_name AS fc_last_name, fc.email AS fc_email,
    ${PHONE("fc", "r.friend_phone")} AS fc_phone
  FROM loyalty_referral r
  LEFT JOIN customer rc ON rc.id = r.referrer_id
  LEFT JOIN customer fc ON fc.id = r.friend_id`

// A referrer's referral credit per wallet currency, read from the ledger:
// pending is what is left of lots not yet spendable (a take-back empties
// them), earned what became spendable (its date came, or the release run
// marked it) less what was taken back of it.
const MONEY = `SELECT w.customer_id, w.currency_code,
    COALESCE(SUM(l.remaining) FILTER (
      WHERE l.available_at > ? AND l.released_at IS NULL AND l.expired_at IS NULL), 0)::text AS pending,
    COALESCE(SUM(t.amount + COALESCE(b.back, 0)) FILTER (
      WHERE l.available_at IS NULL OR l.available_at <= ? OR l.released_at IS NOT NULL), 0)::text AS earned
  FROM loyalty_wallet w
  JOIN loyalty_wallet_transaction t ON t.wallet_id = w.id AND t.reference IN ('referral', 'referral_order')
    AND t.amount > 0 AND t.deleted_at IS NULL
  JOIN loyalty_wallet_lot l ON l.transaction_id = t.id AND l.deleted_at IS NULL
  LEFT JOIN LATERAL (
    SELECT SUM(x.amount) AS back FROM loyalty_wallet_transaction x
    WHERE x.reverses_id = t.id AND x.type = 'reversal' AND x.deleted_at IS NULL) b ON true`

const date = (v: unknown) => (v ? new Date(v as string) : null)
const amount = (v: string | null) => (v === null || v === undefined ? null : MathBN.convert(v).toFixed())

function brief(row: any, prefix: "rc" | "fc"): CustomerBrief | null {
  return row[`${prefix}_id`]
    ? {
        id: row[`${prefix}_id`],
        first_name: row[`${prefix}_first_name`] ?? null,
        last_name: row[`${prefix}_last_name`] ?? null,
        email: row[`${prefix}_email`] ?? null,
        phone: row[`${prefix}_phone`] ?? null,
      }
    : null
}

function view(row: any): ReferralView {
  return {
    id: row.id,
    code: row.code,
    channel: row.channel,
    status: row.status,
    reasons: Array.isArray(row.reasons) ? row.reasons : [],
    held_stage: row.held_stage ?? null,
    referrer_id: row.referrer_id,
    friend_id: row.friend_id,
    order_id: row.order_id ?? null,
    order_total: amount(row.order_total),
    currency_code: row.currency_code ?? null,
    referrer_amount: amount(row.referrer_amount),
    available_at: date(row.available_at),
    rewarded_at: date(row.rewarded_at),
    reversed_at: date(row.reversed_at),
    bonus_orders: row.bonus_orders ?? 0,
    friend_code_id: row.friend_code_id ?? null,
    friend_transaction_id: row.friend_transaction_id ?? null,
    reviewed_by: row.reviewed_by ?? null,
    reviewed_at: date(row.reviewed_at),
    created_at: new Date(row.created_at),
    referrer: brief(row, "rc"),
    friend: brief(row, "fc"),
  }
}

/** Money rows of one customer, positive amounts only, by currency. */
function moneyOf(rows: any[], column: "pending" | "earned"): ReferralMoney[] {
  return rows
    .filter((r) => MathBN.gt(r[column], 0))
    .map((r) => ({ currency_code: r.currency_code, amount: MathBN.convert(r[column]).toFixed() }))
    .sort((a, b) => a.currency_code.localeCompare(b.currency_code))
}

/**
 * What the admin and the shopper read of referrals: lists with both sides'
 * names, the status counts, a referrer's figures and the top referrers.
 * Reads core's customer table and the ledger's wallets, rows and lots for
 * the money (same database); writes nothing. The referrals room
 * (referrals.ts) owns the writes and the fraud checks.
 */
export class ReferralReadsRoom {
  /** A page of referrals, newest first, with both sides; `q` in the code, names, e-mails or phones. */
  async listReferralViews(
    filters: ReferralFilters,
    sharedContext: Context
  ): Promise<{ referrals: ReferralView[]; count: number }> {
    const where = ["r.deleted_at IS NULL"]
    const params: unknown[] = []
    if (filters.status) {
      where.push("r.status = ?")
      params.push(filters.status)
    }
    if (filters.referrer_id) {
      where.push("r.referrer_id = ?")
      params.push(filters.referrer_id)
    }
    if (filters.friend_id) {
      where.push("r.friend_id = ?")
      params.push(filters.friend_id)
    }
    const q = filters.q?.trim()
    if (q) {
      // Escaped: a `%` or `_` typed in the search box matches itself.
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      const code = normalizeReferralCode(q)
      const phones = [like]
      if (isValidPhone(q)) {
        phones.push(normalizePhone(q))
      }
      const phoneMatch = phones.map(() => "x.phone LIKE ?").join(" OR ")
      where.push(`(r.code = ? OR EXISTS (
        SELECT 1 FROM customer c WHERE c.id IN (r.referrer_id, r.friend_id) AND (
          c.first_name ILIKE ? OR c.last_name ILIKE ? OR c.email ILIKE ?
          OR concat_ws(' ', c.first_name, c.last_name) ILIKE ?))
        OR EXISTS (
          SELECT 1 FROM (
            SELECT c.phone FROM customer c WHERE c.id IN (r.referrer_id, r.friend_id)
            UNION ALL SELECT p.phone FROM loyalty_member_phone p
              WHERE p.customer_id IN (r.referrer_id, r.friend_id) AND p.deleted_at IS NULL
            UNION ALL SELECT r.friend_phone) x
          WHERE ${phoneMatch}))`)
      params.push(code, like, like, like, like, ...phones)
    }
    const run = boundSql(sharedContext)
    const [rows, [{ count }]] = await Promise.all([
      run.execute(
        `${VIEW} WHERE ${where.join(" AND ")} ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`,
        [...params, filters.limit, filters.offset]
      ),
      run.execute(`SELECT count(*)::int AS count FROM loyalty_referral r WHERE ${where.join(" AND ")}`, params),
    ])
    return { referrals: rows.map(view), count }
  }

  /** One referral with both sides, or null. */
  async retrieveReferralView(id: string, sharedContext: Context): Promise<ReferralView | null> {
    const [row] = await boundSql(sharedContext).execute(`${VIEW} WHERE r.id = ? AND r.deleted_at IS NULL`, [id])
    return row ? view(row) : null
  }

  /** How many referrals are in each status (every status, 0 when none). */
  async referralStatusCounts(sharedContext: Context): Promise<Record<ReferralStatus, number>> {
    const rows = await boundSql(sharedContext).execute(
      `SELECT status, count(*)::int AS count FROM loyalty_referral WHERE deleted_at IS NULL GROUP BY status`
    )
    const counts = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<ReferralStatus, number>
    for (const row of rows) {
      counts[row.status as ReferralStatus] = row.count
    }
    return counts
  }

  /**
   * A referrer's figures: claims of their code (invited), those not refused
   * (joined), those that reached a qualifying order (ordered), rewarded; and
   * their referral credit per currency, pending and earned.
   */
  async referralStatsOf(customerId: string, at: Date, sharedContext: Context): Promise<ReferralStats> {
    const run = boundSql(sharedContext)
    const [[counts], money] = await Promise.all([
      run.execute(
        `SELECT count(*)::int AS invited,
           count(*) FILTER (WHERE r.status <> 'refused')::int AS joined,
           count(*) FILTER (WHERE ${ORDERED})::int AS ordered,
           count(*) FILTER (WHERE r.status = 'rewarded')::int AS rewarded
         FROM loyalty_referral r WHERE r.referrer_id = ? AND r.deleted_at IS NULL`,
        [customerId]
      ),
      run.execute(`${MONEY} WHERE w.customer_id = ? AND w.deleted_at IS NULL GROUP BY w.customer_id, w.currency_code`, [
        at.toISOString(),
        at.toISOString(),
        customerId,
      ]),
    ])
    return { ...counts, pending: moneyOf(money, "pending"), earned: moneyOf(money, "earned") }
  }

  /**
   * The referrers who brought the most friends to a qualifying order (then
   * the most friends), with their code, counts and referral credit. `from`
   * and `to` count the referrals claimed, and the credit written, in [from, to).
   */
  async topReferrers(
    data: { from?: Date | null; to?: Date | null; limit: number },
    at: Date,
    sharedContext: Context
  ): Promise<TopReferrer[]> {
    const window = (column: string, params: unknown[]) => {
      const parts: string[] = []
      if (data.from) {
        parts.push(`${column} >= ?`)
        params.push(data.from.toISOString())
      }
      if (data.to) {
        parts.push(`${column} < ?`)
        params.push(data.to.toISOString())
      }
      return parts.map((p) => ` AND ${p}`).join("")
    }
    const params: unknown[] = []
    const inWindow = window("r.created_at", params)
    const run = boundSql(sharedContext)
    const rows = await run.execute(
      `WITH top AS (
         SELECT r.referrer_id,
           count(*) FILTER (WHERE r.status <> 'refused')::int AS referrals,
           count(*) FILTER (WHERE ${ORDERED})::int AS ordered,
           count(*) FILTER (WHERE r.status = 'rewarded')::int AS rewarded,
           count(*) FILTER (WHERE r.status = 'pending')::int AS pending
         FROM loyalty_referral r
         WHERE r.deleted_at IS NULL${inWindow}
         GROUP BY r.referrer_id
         HAVING count(*) FILTER (WHERE r.status <> 'refused') > 0
         ORDER BY ordered DESC, referrals DESC, r.referrer_id
         LIMIT ?)
       SELECT top.*, c.id AS rc_id, c.first_name AS rc_first_name, c.last_name AS rc_last_name, c.email AS rc_email,
         ${PHONE("c")} AS rc_phone, code.code
       FROM top
       LEFT JOIN customer c ON c.id = top.referrer_id
       LEFT JOIN loyalty_referral_code code ON code.customer_id = top.referrer_id AND code.deleted_at IS NULL
       ORDER BY top.ordered DESC, top.referrals DESC, top.referrer_id`,
      [...params, data.limit]
    )
    if (!rows.length) {
      return []
    }
    const moneyParams: unknown[] = [at.toISOString(), at.toISOString(), JSON.stringify(rows.map((r: any) => r.referrer_id))]
    const money = await run.execute(
      `${MONEY} WHERE w.customer_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND w.deleted_at IS NULL
         ${window("t.created_at", moneyParams)}
       GROUP BY w.customer_id, w.currency_code`,
      moneyParams
    )
    return rows.map((r: any) => {
      const mine = money.filter((m: any) => m.customer_id === r.referrer_id)
      return {
        customer: brief(r, "rc") ?? { id: r.referrer_id, first_name: null, last_name: null, email: null, phone: null },
        code: r.code ?? null,
        referrals: r.referrals,
        ordered: r.ordered,
        rewarded: r.rewarded,
        pending: r.pending,
        earned: moneyOf(mine, "earned"),
        pending_amount: moneyOf(mine, "pending"),
      }
    })
  }

  /** The referral that brought a customer: the live one, else the last. */
  async referredBy(customerId: string, sharedContext: Context): Promise<ReferralView | null> {
    const [row] = await boundSql(sharedContext).execute(
      `${VIEW} WHERE r.friend_id = ? AND r.deleted_at IS NULL
       ORDER BY (r.status <> 'refused') DESC, r.created_at DESC, r.id DESC LIMIT 1`,
      [customerId]
    )
    return row ? view(row) : null
  }
}
