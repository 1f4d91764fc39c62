import { getDate as jalaliDayOf, getMonth as jalaliMonthOf, newDate as jalaliDate } from "date-fns-jalali"
import {
  isSegmentGroup,
  SegmentCondition,
  SegmentGroup,
} from "../../../utils/segment-conditions"
import { addShopDays, shopDay, shopDayStart } from "../../../utils/sms-messages"
import { CHECKOUT_CREDIT_OF, COUNTED_ORDER_SQL, ORDER_VALUE_SQL } from "./analytics-rollups"
import type { SegmentFacts } from "./segment-facts"

/**
 * A segment's conditions compiled to one SQL statement: the ids of the
 * customers who match at `at`, embeddable as a subquery (campaigns insert
 * their recipients from it; segments count and page it).
 *
 * Why it is shaped this way: a segment is evaluated over every customer at
 * once (100,000 customers, 1,000,000 orders), so each fact a
 * condition needs is computed set-based, once per statement, as a derived
 * table keyed by customer and LEFT JOINed to `customer`: wallet balances and
 * expiring credit grouped per wallet, group and till-location membership as
 * DISTINCT customer lists; one-row-per-customer tables (tier, birthday, SMS
 * preference, scores) are joined directly on their unique customer index.
 * The AND/OR tree then only compares columns, so an OR never turns a join
 * into a correlated subquery run per customer. A predicate is NULL (no
 * match) for a customer without the fact, except where the contract says
 * otherwise (no orders: orders 0 and spend 0 match a `max`; days since the
 * last order never matches); the one negated predicate (not reachable by
 * SMS) is never NULL, so NULL reads as false, and a condition on a joined
 * table alone lets the planner join it as an inner join.
 *
 * Orders are the expensive part: grouping a million orders by customer
 * takes longer than the whole budget, and so does valuing the 125,000 of a
 * 90-day window one by one. So each figure is the sum of a prepared part
 * and the orders after it, read live:
 * - all-time orders, spend in the scores' currency and the last order come
 *   from the nightly scores (loyalty_customer_score), plus the orders
 *   placed since the scoring;
 * - a window (`window_days`) comes from the analytics rollup's shop days
 *   after the one the window starts in (one row per customer: the total
 *   less the figure through that day), plus, live, the orders of the
 *   window's first (partial) day and those placed since the rollup;
 * - without scores or a rollup (a new shop, a date before them), the
 *   orders are read live.
 * The live orders are one pass for all conditions, over the ranges of
 * `created_at` they need (an index range each), valued per order through
 * the summary's index. An order canceled or returned since the scoring or
 * the rollup counts as it was until the next one (both run nightly).
 *
 * Values are always bound (`?`, knex raw style; lists are expanded to one
 * placeholder per value, so the text runs the same through knex, MikroORM's
 * `execute` and node-postgres with `$n` placeholders).
 *
 * RFM scores, channel mix and interests come from loyalty_customer_score,
 * as of its last nightly run; everything else is live.
 */
export function segmentMembersSql(
  conditions: SegmentGroup,
  at: Date,
  facts: SegmentFacts
): { sql: string; bindings: unknown[] } {
  const compiler = new SegmentCompiler(at, facts)
  const predicate = compiler.group(conditions)
  const { sql: joins, bindings } = compiler.joins()
  return {
    sql: `SELECT c.id AS customer_id FROM customer c
LEFT JOIN loyalty_customer_score sc ON sc.customer_id = c.id AND sc.deleted_at IS NULL${joins}
WHERE c.deleted_at IS NULL AND (${predicate.sql})`,
    bindings: [...bindings, ...predicate.bindings],
  }
}

type Fragment = { sql: string; bindings: unknown[] }

// A pass over the rollup's customers: the rows of one currency, of every
// other, or all; its figures (named, per row) and their first days.
type RollupPass = {
  alias: string
  rows: "currency" | "others" | "all"
  currency: string
  columns: (Fragment & { name: string })[]
  after: string[]
}

const NONE: Fragment = { sql: "", bindings: [] }

const DAY_MS = 86400000

const placeholders = (values: unknown[]) => values.map(() => "?").join(", ")

class SegmentCompiler {
  private readonly at: string
  private readonly atMs: number
  private readonly derived: Fragment[] = []
  // The live order pass: its aggregates and the created_at ranges they
  // read (by text and values, each once).
  private readonly liveColumns: Fragment[] = []
  private readonly liveRanges = new Map<string, Fragment>()
  // The rollup's passes, by the rows each reads (a currency's, the other
  // currencies', all): the figures each reads and the first day each
  // figure reads after.
  private readonly rollups = new Map<string, RollupPass>()
  private orderValueNeeded = false
  private tierNeeded = false
  private birthdayNeeded = false
  private smsNeeded = false
  // The orders not scored yet (all of them when never scored): a range of
  // the live pass.
  private readonly sinceScoring: Fragment
  private readonly rollup: SegmentFacts["rollup"]

  constructor(at: Date, private readonly facts: SegmentFacts) {
    this.atMs = at.getTime()
    this.at = at.toISOString()
    this.sinceScoring = facts.scored_at
      ? { sql: `o.created_at > ?::timestamptz`, bindings: [facts.scored_at.toISOString()] }
      : { sql: `o.created_at > '-infinity'::timestamptz`, bindings: [] }
    // A rollup holds orders up to its date: usable for a segment at or after it.
    this.rollup = facts.rollup && facts.rollup.orders_as_of.getTime() <= this.atMs ? facts.rollup : null
  }

  private daysBefore(days: number): string {
    return new Date(this.atMs - days * DAY_MS).toISOString()
  }

  /** The shared and per-condition joins, in the order they sit in the text. */
  joins(): Fragment {
    const parts: Fragment[] = []
    if (this.liveColumns.length) {
      // One pass over the orders in the ranges the columns need. An
      // order's value (summary and checkout credit) is looked up per order
      // through their indexes, and only when a spend condition needs it: a
      // hash join would read every summary of the million.
      const value = this.orderValueNeeded
        ? `
    CROSS JOIN LATERAL (
      SELECT s.totals FROM order_summary s
      WHERE s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL LIMIT 1
    ) s
    LEFT JOIN LATERAL (${CHECKOUT_CREDIT_OF("o.id")}) cl ON true`
        : ""
      const ranges = [...this.liveRanges.values()]
      parts.push({
        sql: `
LEFT JOIN (
  SELECT o.customer_id, ${this.liveColumns.map((c) => c.sql).join(", ")}
  FROM "order" o${value}
  WHERE ${COUNTED_ORDER_SQL} AND o.created_at <= ?::timestamptz
    AND (${ranges.map((r) => `(${r.sql})`).join(" OR ")})
  GROUP BY o.customer_id
) oa ON oa.customer_id = c.id`,
        bindings: [...this.liveColumns.flatMap((c) => c.bindings), this.at, ...ranges.flatMap((r) => r.bindings)],
      })
    }
    for (const { alias, rows, currency, columns, after } of this.rollups.values()) {
      // The rollup has a row per customer and currency: in one currency
      // the row is the customer's; the rows of the other currencies (few
      // customers have any) or of all are summed. A customer whose last
      // order day is before every window has nothing in any.
      const first = after.reduce((a, b) => (a < b ? a : b))
      const grouped = rows !== "currency"
      parts.push({
        sql: `
LEFT JOIN (
  SELECT r.customer_id, ${columns.map((c) => (grouped ? `sum(${c.sql})` : `(${c.sql})`) + ` AS ${c.name}`).join(", ")}
  FROM loyalty_analytics_customer r
  WHERE ${rows === "currency" ? "r.currency_code = ? AND " : rows === "others" ? "r.currency_code <> ? AND " : ""}r.last_order_day > ?::date${
          grouped ? "\n  GROUP BY r.customer_id" : ""
        }
) ${alias} ON ${alias}.customer_id = c.id`,
        bindings: [...columns.flatMap((c) => c.bindings), ...(rows === "all" ? [] : [currency]), first],
      })
    }
    if (this.tierNeeded) {
      parts.push({ sql: `\nLEFT JOIN loyalty_customer_tier ct ON ct.customer_id = c.id AND ct.deleted_at IS NULL`, bindings: [] })
    }
    if (this.birthdayNeeded) {
      parts.push({ sql: `\nLEFT JOIN loyalty_birthday bd ON bd.customer_id = c.id AND bd.deleted_at IS NULL`, bindings: [] })
    }
    if (this.smsNeeded) {
      parts.push({ sql: `\nLEFT JOIN loyalty_sms_preference sp ON sp.customer_id = c.id AND sp.deleted_at IS NULL`, bindings: [] })
    }
    parts.push(...this.derived)
    return { sql: parts.map((p) => p.sql).join(""), bindings: parts.flatMap((p) => p.bindings) }
  }

  group(group: SegmentGroup): Fragment {
    const parts = group.conditions.map((node) => (isSegmentGroup(node) ? this.group(node) : this.leaf(node)))
    return {
      sql: parts.map((p) => `(${p.sql})`).join(group.match === "all" ? " AND " : " OR "),
      bindings: parts.flatMap((p) => p.bindings),
    }
  }

  // A derived table LEFT JOINed by customer, under a fresh alias.
  private derive(build: (alias: string) => Fragment): string {
    const alias = `sg${this.derived.length + 1}`
    const fragment = build(alias)
    this.derived.push(fragment)
    return alias
  }

  // An aggregate of the live order pass over the orders in `range` (a
  // predicate on o.created_at) and matching `filter`, under a fresh name.
  // `aggregate` is count(*), max(...) or sum(...).
  private liveColumn(aggregate: string, range: Fragment, filter: Fragment = NONE): string {
    const name = `x${this.liveColumns.length + 1}`
    this.liveColumns.push({
      sql: `${aggregate} FILTER (WHERE (${range.sql})${filter.sql}) AS ${name}`,
      bindings: [...range.bindings, ...filter.bindings],
    })
    this.liveRanges.set(JSON.stringify([range.sql, range.bindings]), range)
    return `oa.${name}`
  }

  // The orders or revenue of the rollup's days after `after` (a shop day),
  // in `currency` or all: per customer and currency the total less the
  // figure through `after`, whose place among the customer's days
  // `width_bucket` finds by binary search (0, no figure, before the first).
  // All currencies, when the store's is known (the scores'), are its rows
  // plus the others summed, not every row summed.
  private rollupColumn(kind: "orders" | "revenue", after: string, currency?: string): string {
    const column = (rows: RollupPass["rows"], code = "") => {
      const key = `${rows}:${code}`
      let pass = this.rollups.get(key)
      if (!pass) {
        pass = { alias: `ra${this.rollups.size + 1}`, rows, currency: code, columns: [], after: [] }
        this.rollups.set(key, pass)
      }
      const name = `r${pass.columns.length + 1}`
      pass.columns.push({
        name,
        sql: `r.${kind} - coalesce(r.${kind}_through[width_bucket(?::date, r.order_days)], 0)`,
        bindings: [after],
      })
      pass.after.push(after)
      return `${pass.alias}.${name}`
    }
    if (currency) {
      return column("currency", currency)
    }
    const main = this.facts.scored_currency
    return main ? `(coalesce(${column("currency", main)}, 0) + coalesce(${column("others", main)}, 0))` : column("all")
  }

  // The orders (count) or spend (sum of values, in `currency`) of the last
  // `days` days: the rollup's days after the window's first, plus that
  // first day's orders after the window starts and the orders since the
  // rollup, live; without a rollup, all live.
  private windowed(kind: "orders" | "spend", days: number, currency?: string): string {
    const start = this.daysBefore(days)
    const live = kind === "orders" ? "count(*)" : `sum(${ORDER_VALUE_SQL})`
    const liveCurrency = currency ? { sql: ` AND lower(o.currency_code) = ?`, bindings: [currency] } : NONE
    if (!this.rollup) {
      return `coalesce(${this.liveColumn(live, { sql: `o.created_at > ?::timestamptz`, bindings: [start] }, liveCurrency)}, 0)`
    }
    // The window's first shop day (in the rollup's time zone) and the
    // moment the next one starts, worked out here so that the planner sees
    // plain values: an index range, not a guess.
    const tz = this.rollup.time_zone
    const asOf = this.rollup.orders_as_of.toISOString()
    const firstDay = shopDay(new Date(start), tz)
    const nextDay = shopDayStart(addShopDays(new Date(start), 1, tz), tz).toISOString()
    const rolled = this.rollupColumn(kind === "orders" ? "orders" : "revenue", firstDay, currency)
    // Two ranges of created_at: the window's first day from its start, and
    // the orders since the rollup (or since the window's start, when that
    // is later).
    const since = start > asOf ? start : asOf
    const fresh = this.liveColumn(
      live,
      {
        sql: `(o.created_at > ?::timestamptz AND o.created_at < ?::timestamptz) OR o.created_at > ?::timestamptz`,
        bindings: [start, nextDay, since],
      },
      liveCurrency
    )
    return `(coalesce(${rolled}, 0) + coalesce(${fresh}, 0))`
  }

  // min <= value <= max, each end optional; `cast` for numeric amounts.
  // `value` may carry bindings of its own (repeated for each end).
  private between(value: string | Fragment, min: unknown, max: unknown, cast = ""): Fragment {
    const v = typeof value === "string" ? { sql: value, bindings: [] } : value
    const sql: string[] = []
    const bindings: unknown[] = []
    if (min !== undefined) {
      sql.push(`${v.sql} >= ?${cast}`)
      bindings.push(...v.bindings, min)
    }
    if (max !== undefined) {
      sql.push(`${v.sql} <= ?${cast}`)
      bindings.push(...v.bindings, max)
    }
    return { sql: sql.length ? sql.join(" AND ") : "true", bindings }
  }

  private leaf(condition: SegmentCondition): Fragment {
    switch (condition.field) {
      case "tier": {
        this.tierNeeded = true
        const ids = condition.tier_ids.filter((id) => id !== "none")
        const sql: string[] = []
        if (ids.length) {
          sql.push(`ct.tier_id IN (${placeholders(ids)})`)
        }
        if (ids.length < condition.tier_ids.length) {
          sql.push(`ct.tier_id IS NULL`)
        }
        return { sql: sql.join(" OR "), bindings: ids }
      }
      case "balance": {
        // Available now, as the wallet page reads it (ledger/reads.ts): the
        // cached ledger sum less credit still pending and credit past its
        // date that the expiry run has not written off yet.
        const alias = this.derive((a) => ({
          sql: `
LEFT JOIN (
  SELECT w.customer_id, w.balance - coalesce(l.held, 0) AS available
  FROM loyalty_wallet w
  LEFT JOIN (
    SELECT wallet_id, sum(remaining) AS held FROM loyalty_wallet_lot
    WHERE remaining > 0 AND expired_at IS NULL AND deleted_at IS NULL
      AND (available_at > ?::timestamptz OR expires_at <= ?::timestamptz)
    GROUP BY wallet_id
  ) l ON l.wallet_id = w.id
  WHERE w.currency_code = ? AND w.deleted_at IS NULL
) ${a} ON ${a}.customer_id = c.id`,
          bindings: [this.at, this.at, condition.currency_code],
        }))
        return this.between(`coalesce(${alias}.available, 0)`, condition.min, condition.max, "::numeric")
      }
      case "expiring_credit": {
        // Credit that can be spent now and whose date falls within the days.
        const currency = condition.currency_code ? ` AND w.currency_code = ?` : ""
        const alias = this.derive((a) => ({
          sql: `
LEFT JOIN (
  SELECT w.customer_id, sum(l.remaining) AS amount
  FROM loyalty_wallet_lot l JOIN loyalty_wallet w ON w.id = l.wallet_id AND w.deleted_at IS NULL
  WHERE l.remaining > 0 AND l.expired_at IS NULL AND l.deleted_at IS NULL
    AND l.expires_at > ?::timestamptz AND l.expires_at <= ?::timestamptz
    AND (l.available_at IS NULL OR l.available_at <= ?::timestamptz)${currency}
  GROUP BY w.customer_id
) ${a} ON ${a}.customer_id = c.id`,
          bindings: [
            this.at,
            new Date(this.atMs + condition.within_days * DAY_MS).toISOString(),
            this.at,
            ...(condition.currency_code ? [condition.currency_code] : []),
          ],
        }))
        const min = condition.min !== undefined ? this.between(`${alias}.amount`, condition.min, undefined, "::numeric") : null
        return {
          sql: `${alias}.amount > 0${min ? ` AND ${min.sql}` : ""}`,
          bindings: min ? min.bindings : [],
        }
      }
      case "spend": {
        this.orderValueNeeded = true
        if (condition.window_days !== null) {
          const total = this.windowed("spend", condition.window_days, condition.currency_code)
          return this.between(total, condition.min, condition.max, "::numeric")
        }
        const currency = { sql: ` AND lower(o.currency_code) = ?`, bindings: [condition.currency_code] }
        // The scores' monetary figure is in one currency: spend in it is the
        // score plus what came since; in any other currency it is read live.
        if (this.facts.scored_at && condition.currency_code === this.facts.scored_currency) {
          const since = this.liveColumn(`sum(${ORDER_VALUE_SQL})`, this.sinceScoring, currency)
          return this.between(`(coalesce(sc.monetary, 0) + coalesce(${since}, 0))`, condition.min, condition.max, "::numeric")
        }
        const all = this.liveColumn(`sum(${ORDER_VALUE_SQL})`, { sql: `o.created_at > '-infinity'::timestamptz`, bindings: [] }, currency)
        return this.between(`coalesce(${all}, 0)`, condition.min, condition.max, "::numeric")
      }
      case "orders": {
        if (condition.window_days !== null) {
          return this.between(this.windowed("orders", condition.window_days), condition.min, condition.max)
        }
        const since = this.liveColumn(`count(*)`, this.sinceScoring)
        return this.between(`(coalesce(sc.orders, 0) + coalesce(${since}, 0))`, condition.min, condition.max)
      }
      case "days_since_last_order": {
        // Whole 24-hour days since the last order: at least `min` days means
        // it was at or before at - min days; at most `max` means after
        // at - (max + 1) days. No order: no match (NULL).
        const since = this.liveColumn(`max(o.created_at)`, this.sinceScoring)
        const last = `greatest(sc.last_order_at, ${since})`
        const sql = [`${last} IS NOT NULL`]
        const bindings: unknown[] = []
        if (condition.min !== undefined) {
          sql.push(`${last} <= ?::timestamptz`)
          bindings.push(this.daysBefore(condition.min))
        }
        if (condition.max !== undefined) {
          sql.push(`${last} > ?::timestamptz`)
          bindings.push(this.daysBefore(condition.max + 1))
        }
        return { sql: sql.join(" AND "), bindings }
      }
      case "rfm_segment":
        return { sql: `sc.segment IN (${placeholders(condition.segments)})`, bindings: condition.segments }
      case "r_score":
      case "f_score":
      case "m_score":
      case "l_score": {
        // A customer without orders scores 0: never in a 1-5 range.
        const range = this.between(`sc.${condition.field}`, condition.min, condition.max)
        return { sql: `sc.${condition.field} >= 1 AND ${range.sql}`, bindings: range.bindings }
      }
      case "channel_mix":
        return { sql: `sc.channel_mix IN (${placeholders(condition.values)})`, bindings: condition.values }
      case "interest":
        return {
          sql: condition.category_ids.map(() => `sc.interests::jsonb @> ?::jsonb`).join(" OR "),
          bindings: condition.category_ids.map((id) => JSON.stringify([{ category_id: id }])),
        }
      case "till_location": {
        const alias = this.derive((a) => ({
          sql: `
LEFT JOIN (
  SELECT DISTINCT o.customer_id FROM loyalty_pos_purchase p JOIN "order" o ON o.id = p.order_id
  WHERE p.deleted_at IS NULL AND p.location IN (${placeholders(condition.locations)}) AND ${COUNTED_ORDER_SQL}
) ${a} ON ${a}.customer_id = c.id`,
          bindings: condition.locations,
        }))
        return { sql: `${alias}.customer_id IS NOT NULL`, bindings: [] }
      }
      case "customer_group": {
        const alias = this.derive((a) => ({
          sql: `
LEFT JOIN (
  SELECT DISTINCT customer_id FROM customer_group_customer
  WHERE deleted_at IS NULL AND customer_group_id IN (${placeholders(condition.group_ids)})
) ${a} ON ${a}.customer_id = c.id`,
          bindings: condition.group_ids,
        }))
        return { sql: `${alias}.customer_id IS NOT NULL`, bindings: [] }
      }
      case "birthday_month": {
        this.birthdayNeeded = true
        return birthdayPredicate(condition.months, condition.calendar)
      }
      case "sms_opted_in": {
        // As the message queue reads it: a phone on the customer, not opted
        // out of SMS, nor of promotions (campaigns are promotional). The
        // one negated predicate, so never NULL.
        this.smsNeeded = true
        const reachable = `(coalesce(btrim(c.phone), '') <> '' AND coalesce(sp.opted_out, false) = false
      AND coalesce(sp.promotions_opted_out, false) = false)`
        return { sql: condition.value ? reachable : `NOT ${reachable}`, bindings: [] }
      }
    }
  }
}

type MonthDay = { month: number; day: number }

// The stretch of the other calendar a month covers, as the first and last
// (month, day) of it in a reference year: Jalali 1404 (21 March 2025 - 20
// March 2026) and Gregorian 2025. A birthday given in the other
// calendar is a (month, day) without a year, so the match is by that day in
// the reference year; a month's edges may differ by one day from other
// years, and a leap day (30 Esfand, 29 February) falls in the month whose
// range ends open ("day >= start").
function otherCalendarRange(month: number, calendar: "jalali" | "gregorian"): { from: MonthDay; to: MonthDay } {
  if (calendar === "jalali") {
    const first = jalaliDate(1404, month - 1, 1)
    const next = month === 12 ? jalaliDate(1405, 0, 1) : jalaliDate(1404, month, 1)
    const last = new Date(next.getTime() - DAY_MS / 2)
    return {
      from: { month: first.getMonth() + 1, day: first.getDate() },
      to: { month: last.getMonth() + 1, day: last.getDate() },
    }
  }
  const first = new Date(2025, month - 1, 1, 12)
  const last = new Date(2025, month, 0, 12)
  return {
    from: { month: jalaliMonthOf(first) + 1, day: jalaliDayOf(first) },
    to: { month: jalaliMonthOf(last) + 1, day: jalaliDayOf(last) },
  }
}

function birthdayPredicate(months: number[], calendar: "jalali" | "gregorian"): Fragment {
  const other = calendar === "jalali" ? "gregorian" : "jalali"
  const sql = [`(bd.calendar = ? AND bd.month IN (${placeholders(months)}))`]
  const bindings: unknown[] = [calendar, ...months]
  for (const month of months) {
    const { from, to } = otherCalendarRange(month, calendar)
    // A month of one calendar always starts in one month of the other and
    // ends in the next.
    sql.push(`(bd.calendar = ? AND ((bd.month = ? AND bd.day >= ?) OR (bd.month = ? AND bd.day <= ?)))`)
    bindings.push(other, from.month, from.day, to.month, to.day)
  }
  return { sql: sql.join(" OR "), bindings }
}
