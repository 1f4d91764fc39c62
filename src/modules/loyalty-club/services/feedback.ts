import { Context } from "@medusajs/framework/types"
import { addMonths as addJalaliMonths, startOfMonth as startOfJalaliMonth } from "date-fns-jalali"
import { entityIds } from "../../../utils/ids"
import { shopDay, shopDayStart } from "../../../utils/sms-messages"
import { boundSql, sql, SqlManager } from "./sql"

/** One answer as the admin lists it. */
export type FeedbackRow = {
  id: string
  order_id: string
  order_display_id: number | null
  customer: { id: string; first_name: string | null; last_name: string | null; phone: string | null }
  channel: "online" | "till"
  location: string | null
  rating: number
  comment: string | null
  answered_at: Date
  gift: { amount: string; currency_code: string } | null
}

export type FeedbackFilters = {
  rating?: number[]
  channel?: "online" | "till"
  location?: string
  from?: Date
  to?: Date
  customer_id?: string
}

export type SaveFeedbackInput = {
  order_id: string
  customer_id: string
  channel: "online" | "till"
  location: string | null
  rating: number
  comment: string | null
}

/**
 * How the statistics cut time: `gregorian` weeks start on Monday and months
 * are calendar months; `persian` weeks start on Saturday and months are
 * Jalali months (1 Farvardin, 1 Ordibehesht, ...).
 */
export type FeedbackCalendar = "gregorian" | "persian"

export type FeedbackStatsOptions = {
  interval: "week" | "month"
  /** Gregorian when left out. */
  calendar?: FeedbackCalendar
  time_zone: string
  low_rating: number
}

/** The answer as it was before a save: null when the save wrote the first one. */
export type FeedbackBefore = {
  id: string
  rating: number
  comment: string | null
  answered_at: Date
} | null

// Promoters answer 5, detractors 1 to 3 (a five-point scale read the way
// NPS reads its eleven points); shares are percents of the answers, and the
// score (promoters less detractors) is rounded once from the counts, not
// from the rounded shares (1 of 3 less 2 of 3 is -33.3, not -33.4).
const STATS_COLUMNS = `count(*)::int AS count,
  round(avg(f.rating)::numeric, 2)::float AS average,
  round(100.0 * count(*) FILTER (WHERE f.rating = 5) / nullif(count(*), 0), 1)::float AS promoters_share,
  round(100.0 * count(*) FILTER (WHERE f.rating <= 3) / nullif(count(*), 0), 1)::float AS detractors_share,
  round(
    100.0 * (count(*) FILTER (WHERE f.rating = 5) - count(*) FILTER (WHERE f.rating <= 3)) / nullif(count(*), 0),
    1
  )::float AS score`

function where(filters: FeedbackFilters, params: unknown[]): string {
  const parts = ["f.deleted_at IS NULL"]
  if (filters.rating?.length) {
    parts.push(`f.rating IN (SELECT jsonb_array_elements_text(?::jsonb)::int)`)
    params.push(JSON.stringify(filters.rating))
  }
  if (filters.channel) {
    parts.push("f.channel = ?")
    params.push(filters.channel)
  }
  if (filters.location) {
    parts.push("f.location = ?")
    params.push(filters.location)
  }
  if (filters.from) {
    parts.push("f.answered_at >= ?")
    params.push(filters.from.toISOString())
  }
  if (filters.to) {
    parts.push("f.answered_at < ?")
    params.push(filters.to.toISOString())
  }
  if (filters.customer_id) {
    parts.push("f.customer_id = ?")
    params.push(filters.customer_id)
  }
  return parts.join(" AND ")
}

/**
 * The starts of the Jalali months from the one `first` falls in to the
 * first one after `last`, each at midnight in the time zone. date-fns-jalali
 * works on the process's local dates: a shop day goes in at local noon and
 * comes out by its local parts, so the process's own zone never moves it.
 */
function jalaliMonthStarts(first: Date, last: Date, timeZone: string): Date[] {
  const [y, m, d] = shopDay(first, timeZone).split("-").map((x) => parseInt(x, 10))
  let month = startOfJalaliMonth(new Date(y, m - 1, d, 12))
  const starts: Date[] = []
  for (;;) {
    const day = `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, "0")}-${String(month.getDate()).padStart(2, "0")}`
    const start = shopDayStart(day, timeZone)
    starts.push(start)
    if (start > last) {
      return starts
    }
    month = addJalaliMonths(month, 1)
  }
}

/**
 * Shoppers' answers after a purchase: one per order (the unique order
 * index decides between two answers sent at once), the low-rating notice
 * claimed once, the apology gift's ledger row, lists and statistics for the
 * admin. Reads core's order and customer tables and the ledger's rows for
 * the lists (same database), writes only its own table.
 */
export class FeedbackRoom {
  /**
   * Saves an order's answer: the first writes it, a later one edits rating,
   * comment and time. Returns the row and what it was before (for an undo).
   */
  async saveFeedback(
    data: SaveFeedbackInput,
    sharedContext: Context
  ): Promise<{ feedback: Record<string, any>; before: FeedbackBefore }> {
    const [before] = await sql(sharedContext).execute(
      `SELECT id, rating, comment, answered_at FROM loyalty_feedback
       WHERE order_id = ? AND deleted_at IS NULL`,
      [data.order_id]
    )
    const [feedback] = await sql(sharedContext).execute(
      `INSERT INTO loyalty_feedback (id, order_id, customer_id, channel, location, rating, comment, answered_at,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, now(), now(), now())
       ON CONFLICT (order_id) WHERE deleted_at IS NULL DO UPDATE SET
         rating = EXCLUDED.rating, comment = EXCLUDED.comment, answered_at = now(), updated_at = now()
       RETURNING id, order_id, customer_id, channel, location, rating, comment, answered_at, notified_at,
         gift_transaction_id`,
      [
        entityIds("lfb", 1)[0],
        data.order_id,
        data.customer_id,
        data.channel,
        data.location,
        data.rating,
        data.comment,
      ]
    )
    return { feedback, before: before ?? null }
  }

  /** The undo of `saveFeedback`: the earlier answer back, or the new one gone. */
  async restoreFeedback(
    data: { id: string; before: FeedbackBefore },
    sharedContext: Context
  ): Promise<void> {
    if (!data.before) {
      await sql(sharedContext).execute(`DELETE FROM loyalty_feedback WHERE id = ?`, [data.id])
      return
    }
    await sql(sharedContext).execute(
      `UPDATE loyalty_feedback SET rating = ?, comment = ?, answered_at = ?, updated_at = now() WHERE id = ?`,
      [data.before.rating, data.before.comment, new Date(data.before.answered_at).toISOString(), data.id]
    )
  }

  /**
   * Marks an order's low answer as put in the admin's feed, once: only the
   * request that flips `notified_at` gets the row back, so two answers sent
   * at once notify once. Null when the answer is not low or was notified.
   */
  async claimFeedbackNotice(
    data: { order_id: string; low_rating: number },
    sharedContext: Context
  ): Promise<{ id: string; rating: number; comment: string | null } | null> {
    const [row] = await sql(sharedContext).execute(
      `UPDATE loyalty_feedback SET notified_at = now(), updated_at = now()
       WHERE order_id = ? AND deleted_at IS NULL AND notified_at IS NULL AND rating <= ?
       RETURNING id, rating, comment`,
      [data.order_id, data.low_rating]
    )
    return row ?? null
  }

  /** The undo of `claimFeedbackNotice`. */
  async releaseFeedbackNotice(id: string, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE loyalty_feedback SET notified_at = NULL, updated_at = now() WHERE id = ?`,
      [id]
    )
  }

  /** Records the apology gift's ledger row on the order's answer (the first one stays). */
  async setFeedbackGift(
    data: { order_id: string; transaction_id: string | null },
    sharedContext: Context
  ): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE loyalty_feedback SET gift_transaction_id = ?, updated_at = now()
       WHERE order_id = ? AND deleted_at IS NULL AND (gift_transaction_id IS NULL OR ?::text IS NULL)`,
      [data.transaction_id, data.order_id, data.transaction_id]
    )
  }

  /** A page of answers, newest first, with the order, customer and gift. */
  async listFeedbackRows(
    filters: FeedbackFilters,
    page: { skip: number; take: number },
    sharedContext: Context
  ): Promise<{ rows: FeedbackRow[]; count: number }> {
    const params: unknown[] = []
    const condition = where(filters, params)
    const run = boundSql(sharedContext)
    const [rows, [{ count }]] = await Promise.all([
      run.execute(
        `SELECT f.id, f.order_id, o.display_id AS order_display_id, f.customer_id, c.first_name, c.last_name,
           coalesce(p.phone, c.phone) AS phone, f.channel, f.location, f.rating, f.comment, f.answered_at,
           t.amount::text AS gift_amount, w.currency_code AS gift_currency_code
         FROM loyalty_feedback f
         LEFT JOIN "order" o ON o.id = f.order_id
         LEFT JOIN customer c ON c.id = f.customer_id
         LEFT JOIN LATERAL (
           SELECT phone FROM loyalty_member_phone m
           WHERE m.customer_id = f.customer_id AND m.deleted_at IS NULL
           ORDER BY m.verified_at DESC NULLS LAST, m.created_at LIMIT 1) p ON true
         LEFT JOIN loyalty_wallet_transaction t ON t.id = f.gift_transaction_id
         LEFT JOIN loyalty_wallet w ON w.id = t.wallet_id
         WHERE ${condition}
         ORDER BY f.answered_at DESC, f.id DESC
         LIMIT ? OFFSET ?`,
        [...params, page.take, page.skip]
      ),
      run.execute(`SELECT count(*)::int AS count FROM loyalty_feedback f WHERE ${condition}`, params),
    ])
    return {
      count,
      rows: rows.map((r: any) => ({
        id: r.id,
        order_id: r.order_id,
        order_display_id: r.order_display_id ?? null,
        customer: { id: r.customer_id, first_name: r.first_name, last_name: r.last_name, phone: r.phone },
        channel: r.channel,
        location: r.location,
        rating: r.rating,
        comment: r.comment,
        answered_at: new Date(r.answered_at),
        gift: r.gift_amount ? { amount: r.gift_amount, currency_code: r.gift_currency_code } : null,
      })),
    }
  }

  /**
   * Count, average and promoter/detractor shares of the answers, in all and
   * per week or month of the calendar (see `FeedbackCalendar`), each period
   * from midnight in the shop's time zone to the next period's start
   * (`period_end`, excluded); `low_count` counts answers at or below
   * `low_rating`.
   */
  async feedbackStats(filters: FeedbackFilters, options: FeedbackStatsOptions, sharedContext: Context) {
    const params: unknown[] = []
    const condition = where(filters, params)
    const run = boundSql(sharedContext)
    const [[summary], series] = await Promise.all([
      run.execute(
        `SELECT ${STATS_COLUMNS}, count(*) FILTER (WHERE f.rating <= ?)::int AS low_count
         FROM loyalty_feedback f WHERE ${condition}`,
        [options.low_rating, ...params]
      ),
      this.statsSeries(run, condition, params, options),
    ])
    return {
      summary: summary as {
        count: number
        average: number | null
        promoters_share: number | null
        detractors_share: number | null
        score: number | null
        low_count: number
      },
      series: (series as any[]).map((s) => ({
        ...s,
        period_start: new Date(s.period_start),
        period_end: new Date(s.period_end),
      })) as {
        period_start: Date
        period_end: Date
        count: number
        average: number | null
        promoters_share: number | null
        detractors_share: number | null
        score: number | null
      }[],
    }
  }

  protected async statsSeries(
    run: SqlManager,
    condition: string,
    params: unknown[],
    { interval, calendar = "gregorian", time_zone }: FeedbackStatsOptions
  ) {
    if (calendar === "persian" && interval === "month") {
      // Jalali months have no date_trunc: their bounds come from the
      // calendar, over the answers' own span.
      const [span] = await run.execute(
        `SELECT min(f.answered_at) AS first, max(f.answered_at) AS last FROM loyalty_feedback f WHERE ${condition}`,
        params
      )
      if (!span?.first) {
        return []
      }
      const starts = jalaliMonthStarts(new Date(span.first), new Date(span.last), time_zone)
      const periods = starts.slice(0, -1).map((start, i) => [start.toISOString(), starts[i + 1].toISOString()])
      return await run.execute(
        `SELECT p.period_start, p.period_end, ${STATS_COLUMNS}
         FROM loyalty_feedback f
         JOIN (SELECT (e->>0)::timestamptz AS period_start, (e->>1)::timestamptz AS period_end
               FROM jsonb_array_elements(?::jsonb) e) p
           ON f.answered_at >= p.period_start AND f.answered_at < p.period_end
         WHERE ${condition}
         GROUP BY 1, 2 ORDER BY 1`,
        [JSON.stringify(periods), ...params]
      )
    }
    const unit = interval === "month" ? "month" : "week"
    // The period's start on the shop's wall clock. A Persian week starts on
    // Saturday: two days on, Saturday is a Monday, ISO's week start.
    const start =
      calendar === "persian"
        ? `date_trunc('week', (f.answered_at AT TIME ZONE ?) + interval '2 days') - interval '2 days'`
        : `date_trunc('${unit}', f.answered_at AT TIME ZONE ?)`
    return await run.execute(
      `SELECT (p.start AT TIME ZONE ?) AS period_start, ((p.start + interval '1 ${unit}') AT TIME ZONE ?) AS period_end,
         ${STATS_COLUMNS}
       FROM loyalty_feedback f
       CROSS JOIN LATERAL (SELECT ${start} AS start) p
       WHERE ${condition}
       GROUP BY p.start ORDER BY p.start`,
      [time_zone, time_zone, time_zone, ...params]
    )
  }

  /** The phone the club knows a member by (the till's or the proven one), never `customer.phone`. */
  async retrieveMemberPhoneOf(customerId: string, sharedContext: Context): Promise<string | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT phone FROM loyalty_member_phone WHERE customer_id = ? AND deleted_at IS NULL
       ORDER BY verified_at DESC NULLS LAST, created_at LIMIT 1`,
      [customerId]
    )
    return row?.phone ?? null
  }
}
