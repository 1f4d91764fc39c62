import { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { entityIds } from "../../../utils/ids"
import { BirthdayCalendar, OCCASION_KINDS, OccasionKind } from "../../../utils/occasions"
import { rawAmount } from "../../../utils/money"
import { boundSql, ledgerTransaction, sql } from "./sql"

export type OccasionGiftType = "none" | "code" | "credit"

/** One occasion's switch and gift, as the admin sees it. */
export type OccasionRow = {
  id: string
  kind: OccasionKind
  enabled: boolean
  gift_type: OccasionGiftType
  batch_id: string | null
  credit_amount: Record<string, string> | null
  credit_valid_days: number | null
  days_before: number
  after_days: number | null
}

export type OccasionUpdate = Partial<Omit<OccasionRow, "id" | "kind">>

export type BirthdayRow = {
  customer_id: string
  calendar: BirthdayCalendar
  month: number
  day: number
  set_by: string
  changed_at: Date
}

/**
 * Who an occasion is due to on one shop day, worked out by the caller from
 * the calendar (utils/occasions.ts). Every plan is one INSERT ... SELECT.
 */
export type OccasionPlan = { occasion_date: string; gift_type: OccasionGiftType } & (
  | {
      kind: "birthday"
      /** Month-days celebrated, each with its year (period) and the recent-change cutoff. */
      matches: { calendar: BirthdayCalendar; month: number; day: number; period: string; cutoff: Date }[]
    }
  | { kind: "nowruz" | "yalda"; period: string }
  | {
      kind: "membership_anniversary" | "first_order_anniversary"
      /** Days (shop calendar) whose anniversary is due, with which one. */
      originals: { day: string; years: number }[]
      time_zone: string
    }
  /** Win-back: last order placed in [from, to); welcome: first order placed in [from, to). */
  | { kind: "win_back" | "welcome"; from: Date; to: Date }
)

/** A grant being given: its gift and message are keyed by its id. */
export type OccasionGrantRow = {
  id: string
  kind: OccasionKind
  customer_id: string
  period: string
  occasion_date: string
  gift_type: OccasionGiftType
}

export type OccasionGiftRecord = {
  id: string
  outcome: "granted" | "gift_failed"
  code_id?: string | null
  transaction_id?: string | null
  amount?: string | null
  currency_code?: string | null
}

export type OccasionStats = { sent: number; gifts: number; redeemed: number; skipped: number }

const OCCASION_COLUMNS = `id, kind, enabled, gift_type, batch_id, credit_amount, credit_valid_days, days_before, after_days`
const BIRTHDAY_COLUMNS = `customer_id, calendar, month, day, set_by, changed_at`

/** What a missing occasion starts as: off, no gift; win-back after 60 days, welcome on the day. */
const DEFAULT_AFTER_DAYS: Partial<Record<OccasionKind, number>> = { win_back: 60, welcome: 0 }

// A club member: an account, or a phone proven at the kiosk or till.
const MEMBER = `(c.has_account = true OR EXISTS (
  SELECT 1 FROM loyalty_member_phone p WHERE p.customer_id = c.id AND p.deleted_at IS NULL))`

// Orders that count: placed, not drafts, not canceled.
const PLACED_ORDERS = `o.deleted_at IS NULL AND o.customer_id IS NOT NULL AND o.is_draft_order = false
  AND o.status NOT IN ('canceled', 'draft')`

// The grant id, made by the statement that inserts it.
const GRANT_ID = `'logr_' || upper(replace(gen_random_uuid()::text, '-', ''))`

const NO_GRANT = (kind: string, period: string) => `NOT EXISTS (
  SELECT 1 FROM loyalty_occasion_grant g
  WHERE g.kind = '${kind}' AND g.customer_id = c.id AND g.period = ${period} AND g.deleted_at IS NULL)`

/**
 * Birthdays, the occasions' switches and gifts, and the grants that make
 * each occasion once per customer and period: found and written set-based
 * (one INSERT ... SELECT per occasion and day, the unique key deciding
 * between two runs), then claimed a page at a time to give. Reads core's
 * customer and order tables and the ledger's and codes' rows for the
 * statistics (same database); writes only its own tables.
 */
export class OccasionsRoom {
  /** Every occasion, in a fixed order; missing ones are written with their defaults first. */
  async listOccasions(sharedContext: Context): Promise<OccasionRow[]> {
    const manager = sql(sharedContext)
    let rows = await manager.execute(
      `SELECT ${OCCASION_COLUMNS} FROM loyalty_occasion WHERE deleted_at IS NULL`
    )
    if (rows.length < OCCASION_KINDS.length) {
      // Fixed ids: two admins opening the page at once write each row once.
      await manager.execute(
        `INSERT INTO loyalty_occasion (id, kind, enabled, gift_type, days_before, after_days, created_at, updated_at)
         SELECT 'locc_' || d.kind, d.kind, false, 'none', 0, d.after_days, now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS d(kind text, after_days int)
         WHERE NOT EXISTS (SELECT 1 FROM loyalty_occasion o WHERE o.kind = d.kind AND o.deleted_at IS NULL)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(OCCASION_KINDS.map((kind) => ({ kind, after_days: DEFAULT_AFTER_DAYS[kind] ?? null })))]
      )
      rows = await manager.execute(`SELECT ${OCCASION_COLUMNS} FROM loyalty_occasion WHERE deleted_at IS NULL`)
    }
    return OCCASION_KINDS.map((kind) => rows.find((r: any) => r.kind === kind)).filter(Boolean)
  }

  /** Saves an occasion's switch and gift; returns it and what it was before (for an undo). */
  async updateOccasion(
    kind: OccasionKind,
    data: OccasionUpdate,
    sharedContext: Context
  ): Promise<{ occasion: OccasionRow; before: OccasionRow }> {
    const before = (await this.listOccasions(sharedContext)).find((o) => o.kind === kind)!
    const next = { ...before, ...data }
    const [occasion] = await sql(sharedContext).execute(
      `UPDATE loyalty_occasion SET enabled = ?, gift_type = ?, batch_id = ?, credit_amount = ?::jsonb,
         credit_valid_days = ?, days_before = ?, after_days = ?, updated_at = now()
       WHERE kind = ? AND deleted_at IS NULL
       RETURNING ${OCCASION_COLUMNS}`,
      [
        next.enabled,
        next.gift_type,
        next.batch_id,
        next.credit_amount ? JSON.stringify(next.credit_amount) : null,
        next.credit_valid_days,
        next.days_before,
        next.after_days,
        kind,
      ]
    )
    return { occasion, before }
  }

  /** A customer's birthday, or null. */
  async retrieveBirthday(customerId: string, sharedContext: Context): Promise<BirthdayRow | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT ${BIRTHDAY_COLUMNS} FROM loyalty_birthday WHERE customer_id = ? AND deleted_at IS NULL`,
      [customerId]
    )
    return row ?? null
  }

  /**
   * Sets a customer's birthday. `changed_at` moves only when the day does
   * (a shopper saving the same date again keeps their gift), so the
   * recent-change rule sees real moves only. Returns the birthday and what
   * it was before (for an undo).
   */
  async upsertBirthday(
    data: { customer_id: string; calendar: BirthdayCalendar; month: number; day: number; set_by: string; at?: Date },
    sharedContext: Context
  ): Promise<{ birthday: BirthdayRow; before: BirthdayRow | null }> {
    return await ledgerTransaction(sharedContext, async (manager) => {
      const [before] = await manager.execute(
        `SELECT ${BIRTHDAY_COLUMNS} FROM loyalty_birthday WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`,
        [data.customer_id]
      )
      const at = (data.at ?? new Date()).toISOString()
      const [birthday] = await manager.execute(
        `INSERT INTO loyalty_birthday (id, customer_id, calendar, month, day, set_by, changed_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, now(), now())
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO UPDATE SET
           changed_at = CASE
             WHEN (loyalty_birthday.calendar, loyalty_birthday.month, loyalty_birthday.day)
               IS DISTINCT FROM (EXCLUDED.calendar, EXCLUDED.month, EXCLUDED.day)
             THEN EXCLUDED.changed_at ELSE loyalty_birthday.changed_at END,
           calendar = EXCLUDED.calendar, month = EXCLUDED.month, day = EXCLUDED.day,
           set_by = EXCLUDED.set_by, updated_at = now()
         RETURNING ${BIRTHDAY_COLUMNS}`,
        [entityIds("lbday", 1)[0], data.customer_id, data.calendar, data.month, data.day, data.set_by, at]
      )
      return { birthday, before: before ?? null }
    })
  }

  /** Clears a customer's birthday; returns what it was (for an undo). */
  async deleteBirthday(customerId: string, sharedContext: Context): Promise<BirthdayRow | null> {
    const [before] = await sql(sharedContext).execute(
      `UPDATE loyalty_birthday SET deleted_at = now(), updated_at = now()
       WHERE customer_id = ? AND deleted_at IS NULL
       RETURNING ${BIRTHDAY_COLUMNS}`,
      [customerId]
    )
    return before ?? null
  }

  /** The undo of a set or a clear: the birthday as it was, changed_at included (or none). */
  async restoreBirthday(customerId: string, before: BirthdayRow | null, sharedContext: Context): Promise<void> {
    await ledgerTransaction(sharedContext, async (manager) => {
      await manager.execute(
        `UPDATE loyalty_birthday SET deleted_at = now(), updated_at = now() WHERE customer_id = ? AND deleted_at IS NULL`,
        [customerId]
      )
      if (before) {
        await manager.execute(
          `INSERT INTO loyalty_birthday (id, customer_id, calendar, month, day, set_by, changed_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, now(), now())`,
          [
            entityIds("lbday", 1)[0],
            customerId,
            before.calendar,
            before.month,
            before.day,
            before.set_by,
            new Date(before.changed_at).toISOString(),
          ]
        )
      }
    })
  }

  /**
   * Writes the grants an occasion owes on one shop day in one statement:
   * who is due (see `OccasionPlan`) and has no grant for the period yet,
   * inserted `pending` (a birthday changed too recently: its
   * `skipped_recent_change` row, which gives nothing); a grant another run
   * wrote meanwhile is left to that run by the unique key. Returns how many
   * rows this call wrote.
   */
  async grantDueOccasions(
    plan: OccasionPlan,
    sharedContext: Context
  ): Promise<{ pending: number; skipped: number }> {
    const { select, params } = this.dueSelect(plan)
    const [row] = await boundSql(sharedContext).execute(
      `WITH due AS (${select}), inserted AS (
         INSERT INTO loyalty_occasion_grant (id, kind, customer_id, period, occasion_date, gift_type, outcome,
           created_at, updated_at)
         SELECT ${GRANT_ID}, '${plan.kind}', due.customer_id, due.period, ?, 
           CASE WHEN due.outcome = 'pending' THEN ? ELSE 'none' END, due.outcome, now(), now()
         FROM due
         ON CONFLICT (kind, customer_id, period) WHERE deleted_at IS NULL DO NOTHING
         RETURNING outcome
       )
       SELECT count(*) FILTER (WHERE outcome = 'pending')::int AS pending,
         count(*) FILTER (WHERE outcome <> 'pending')::int AS skipped
       FROM inserted`,
      [...params, plan.occasion_date, plan.gift_type]
    )
    return { pending: row?.pending ?? 0, skipped: row?.skipped ?? 0 }
  }

  // The customers due, with the period and outcome of their grant (`c` is
  // the customer in every one). Kinds are fixed strings, never input.
  private dueSelect(plan: OccasionPlan): { select: string; params: unknown[] } {
    switch (plan.kind) {
      case "birthday":
        return {
          select: `SELECT c.id AS customer_id, m.period,
              CASE WHEN b.changed_at >= m.cutoff THEN 'skipped_recent_change' ELSE 'pending' END AS outcome
            FROM loyalty_birthday b
            JOIN jsonb_to_recordset(?::jsonb) AS m(calendar text, month int, day int, period text, cutoff timestamptz)
              ON b.calendar = m.calendar AND b.month = m.month AND b.day = m.day
            JOIN customer c ON c.id = b.customer_id AND c.deleted_at IS NULL
            WHERE b.deleted_at IS NULL AND ${NO_GRANT("birthday", "m.period")}`,
          params: [JSON.stringify(plan.matches.map((m) => ({ ...m, cutoff: m.cutoff.toISOString() })))],
        }
      case "nowruz":
      case "yalda":
        return {
          select: `SELECT c.id AS customer_id, ?::text AS period, 'pending' AS outcome
            FROM customer c
            WHERE c.deleted_at IS NULL AND ${MEMBER} AND ${NO_GRANT(plan.kind, "?::text")}`,
          params: [plan.period, plan.period],
        }
      case "membership_anniversary":
        // The day each customer joined, in the shop's time zone, against the
        // days whose anniversary is due: one hash join over the customers.
        return {
          select: `SELECT c.id AS customer_id, a.years::text AS period, 'pending' AS outcome
            FROM customer c
            JOIN jsonb_to_recordset(?::jsonb) AS a(day date, years int)
              ON (c.created_at AT TIME ZONE ?)::date = a.day
            WHERE c.deleted_at IS NULL AND ${MEMBER} AND ${NO_GRANT(plan.kind, "a.years::text")}`,
          params: [JSON.stringify(plan.originals), plan.time_zone],
        }
      case "first_order_anniversary":
        return {
          select: `SELECT c.id AS customer_id, a.years::text AS period, 'pending' AS outcome
            FROM (SELECT o.customer_id, min(o.created_at) AS first_at FROM "order" o
                  WHERE ${PLACED_ORDERS} GROUP BY o.customer_id) f
            JOIN jsonb_to_recordset(?::jsonb) AS a(day date, years int)
              ON (f.first_at AT TIME ZONE ?)::date = a.day
            JOIN customer c ON c.id = f.customer_id AND c.deleted_at IS NULL
            WHERE ${NO_GRANT(plan.kind, "a.years::text")}`,
          params: [JSON.stringify(plan.originals), plan.time_zone],
        }
      case "win_back":
        // The period is the lapse's last order: each lapse once.
        return {
          select: `SELECT c.id AS customer_id, l.last_order_id AS period, 'pending' AS outcome
            FROM (SELECT o.customer_id, max(o.created_at) AS last_at,
                    (array_agg(o.id ORDER BY o.created_at DESC))[1] AS last_order_id
                  FROM "order" o WHERE ${PLACED_ORDERS} GROUP BY o.customer_id) l
            JOIN customer c ON c.id = l.customer_id AND c.deleted_at IS NULL
            WHERE l.last_at >= ?::timestamptz AND l.last_at < ?::timestamptz
              AND ${NO_GRANT("win_back", "l.last_order_id")}`,
          params: [plan.from.toISOString(), plan.to.toISOString()],
        }
      case "welcome":
        return {
          select: `SELECT c.id AS customer_id, 'first' AS period, 'pending' AS outcome
            FROM (SELECT o.customer_id, min(o.created_at) AS first_at
                  FROM "order" o WHERE ${PLACED_ORDERS} GROUP BY o.customer_id) f
            JOIN customer c ON c.id = f.customer_id AND c.deleted_at IS NULL
            WHERE f.first_at >= ?::timestamptz AND f.first_at < ?::timestamptz
              AND ${NO_GRANT("welcome", "'first'")}`,
          params: [plan.from.toISOString(), plan.to.toISOString()],
        }
    }
  }

  /**
   * Claims up to `limit` grants of an occasion to give: pending ones, and
   * ones a run claimed before `stale_before` and never finished (it died).
   * Rows another run is claiming are skipped, so two runs never give the
   * same grant at once (and the gift's and message's keys make a retry of a
   * half-given one a no-op).
   */
  async claimOccasionGrants(
    data: { kind: OccasionKind; limit: number; stale_before: Date },
    sharedContext: Context
  ): Promise<OccasionGrantRow[]> {
    return await sql(sharedContext).execute(
      `WITH due AS (
         SELECT id FROM loyalty_occasion_grant
         WHERE kind = ? AND deleted_at IS NULL
           AND (outcome = 'pending' OR (outcome = 'giving' AND updated_at < ?))
         ORDER BY created_at
         LIMIT ?
         FOR UPDATE SKIP LOCKED
       )
       UPDATE loyalty_occasion_grant g SET outcome = 'giving', updated_at = now()
       FROM due WHERE g.id = due.id
       RETURNING g.id, g.kind, g.customer_id, g.period, g.occasion_date, g.gift_type`,
      [data.kind, data.stale_before.toISOString(), data.limit]
    )
  }

  /** Records what each grant gave (its code or credit) and how it ended. */
  async recordOccasionGifts(records: OccasionGiftRecord[], sharedContext: Context): Promise<void> {
    if (!records.length) {
      return
    }
    await boundSql(sharedContext).execute(
      `UPDATE loyalty_occasion_grant g
       SET outcome = r.outcome, code_id = r.code_id, transaction_id = r.transaction_id,
         amount = r.amount::numeric, raw_amount = r.raw_amount, currency_code = r.currency_code,
         updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS r(id text, outcome text, code_id text, transaction_id text,
         amount text, raw_amount jsonb, currency_code text)
       WHERE g.id = r.id`,
      [
        JSON.stringify(
          records.map((r) => ({
            id: r.id,
            outcome: r.outcome,
            code_id: r.code_id ?? null,
            transaction_id: r.transaction_id ?? null,
            amount: r.amount ?? null,
            raw_amount: r.amount ? JSON.parse(rawAmount(MathBN.convert(r.amount))) : null,
            currency_code: r.currency_code ?? null,
          }))
        ),
      ]
    )
  }

  /**
   * Per occasion, for grants celebrated in [from, to) (shop days): messages
   * sent, gifts given, gifts used (a code with a use not given back; credit
   * of which some was spent, not expired) and grants that gave nothing (a
   * birthday changed too recently, a gift that could not be made).
   */
  async occasionStats(
    data: { from: string; to: string },
    sharedContext: Context
  ): Promise<Record<string, OccasionStats>> {
    const rows = await sql(sharedContext).execute(
      `SELECT g.kind,
         count(m.id) FILTER (WHERE m.status = 'sent')::int AS sent,
         count(*) FILTER (WHERE g.code_id IS NOT NULL OR g.transaction_id IS NOT NULL)::int AS gifts,
         count(*) FILTER (WHERE
           (g.code_id IS NOT NULL AND EXISTS (
             SELECT 1 FROM loyalty_code_use u
             WHERE u.code_id = g.code_id AND u.released_at IS NULL AND u.deleted_at IS NULL))
           OR (g.transaction_id IS NOT NULL AND EXISTS (
             SELECT 1 FROM loyalty_wallet_lot l
             LEFT JOIN loyalty_wallet_transaction x ON x.reference = 'lot' AND x.reference_id = l.id
               AND x.type = 'expiry' AND x.deleted_at IS NULL
             WHERE l.transaction_id = g.transaction_id AND l.deleted_at IS NULL
               AND l.amount - l.remaining + coalesce(x.amount, 0) > 0))
         )::int AS redeemed,
         count(*) FILTER (WHERE g.outcome IN ('skipped_recent_change', 'gift_failed'))::int AS skipped
       FROM loyalty_occasion_grant g
       LEFT JOIN loyalty_message m ON m.deleted_at IS NULL
         AND m.idempotency_key = (CASE WHEN g.kind = 'welcome' THEN 'first_order' ELSE g.kind END) || ':' || g.id || ':once'
       WHERE g.deleted_at IS NULL AND g.occasion_date >= ? AND g.occasion_date < ?
       GROUP BY g.kind`,
      [data.from, data.to]
    )
    return Object.fromEntries(
      rows.map((r: any) => [r.kind, { sent: r.sent, gifts: r.gifts, redeemed: r.redeemed, skipped: r.skipped }])
    )
  }
}
