import { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import {
  AnalyticsCalendar,
  AnalyticsQuery,
  addMonths,
  amountOf,
  average,
  monthFirstDay,
  monthOfDay,
  periodDays,
  previousPeriod,
  ratio,
} from "../../../utils/analytics"
import { shopDay, shopDayStart } from "../../../utils/sms-messages"
import { boundSql } from "./sql"

/** A tier as the figures name it (null: members with no tier). */
export type AnalyticsTier = { id: string; name: string; names: Record<string, string> | null; rank: number }

export type AnalyticsMembers = {
  total: number
  new: number
  active: number
  orders: number
  member_orders: number
  member_orders_share: string
  previous: { new: number; active: number; orders: number; member_orders: number; member_orders_share: string }
}

export type AnalyticsBehaviourFigures = {
  repurchase_rate: string
  frequency: string
  aov: { members: string; non_members: string }
}

export type AnalyticsBehaviour = AnalyticsBehaviourFigures & {
  customers: number
  orders: number
  by_tier: {
    tier_id: string | null
    name: string | null
    names: Record<string, string> | null
    members: number
    orders: number
    revenue: string
    aov: string
  }[]
  previous: AnalyticsBehaviourFigures
}

export type AnalyticsWalletFigures = {
  issued: string
  released: string
  redeemed: string
  expired: string
  taken_back: string
  redemption_rate: string
  member_revenue: string
  cost_share: string
}

export type AnalyticsWallet = AnalyticsWalletFigures & { previous: AnalyticsWalletFigures }

export type AnalyticsLiability = {
  total: string
  available: string
  pending: string
  wallets: number
  by_month: { month: string; start: string; amount: string }[]
  no_expiry: string
}

/** The shop days of the period and of the one before it (the daily rollups' grain). */
export function periodPair(q: AnalyticsQuery) {
  const current = periodDays(q.from, q.to, q.time_zone)
  const before = previousPeriod(q.from, q.to)
  const previous = periodDays(before.from, before.to, q.time_zone)
  return { current, previous, currency: q.currency_code.toLowerCase() }
}

/** A segment of customers: members by their tier now ('' none), or not members ('~'). */
const NON_MEMBERS = "~"

/** Orders and revenue per segment, in the period and the one before (the day rollup). */
type Sales = { segment: string; orders: number; revenue: string; p_orders: number; p_revenue: string }

async function salesBySegment(q: AnalyticsQuery, sharedContext: Context): Promise<Sales[]> {
  const { current: c, previous: p, currency } = periodPair(q)
  const rows = await boundSql(sharedContext).execute(
    `SELECT segment,
       coalesce(sum(orders) FILTER (WHERE day >= ?::date AND day < ?::date), 0)::int AS orders,
       coalesce(sum(revenue) FILTER (WHERE day >= ?::date AND day < ?::date), 0)::text AS revenue,
       coalesce(sum(orders) FILTER (WHERE day >= ?::date AND day < ?::date), 0)::int AS p_orders,
       coalesce(sum(revenue) FILTER (WHERE day >= ?::date AND day < ?::date), 0)::text AS p_revenue
     FROM loyalty_analytics_day
     WHERE currency_code = ? AND ((day >= ?::date AND day < ?::date) OR (day >= ?::date AND day < ?::date))
     GROUP BY segment`,
    [
      c.first_day, c.end_day, c.first_day, c.end_day, p.first_day, p.end_day, p.first_day, p.end_day,
      currency, c.first_day, c.end_day, p.first_day, p.end_day,
    ]
  )
  return rows
}

/** Customers with an order in the period (and the one before), and those of them with only one order by its end. */
type Activity = {
  is_member: boolean
  tier_id: string | null
  customers: number
  singles: number
  p_customers: number
  p_singles: number
}

/**
 * Customers with an order in [a, b), counted without grouping orders by
 * customer: those whose first order day is before b, less those whose
 * last is before a, less those who ordered before a and next on or after
 * b (a row with prev_day < a and day >= b: at most one per customer).
 * Singles: customers whose first order day is in [a, b) with one order
 * that day and none after it before b. Per segment (member, tier now).
 */
async function activity(q: AnalyticsQuery, sharedContext: Context): Promise<Activity[]> {
  const { current: c, previous: p, currency } = periodPair(q)
  const first = (range: { first_day: string; end_day: string }) => [range.end_day, range.first_day, range.first_day, range.end_day, range.end_day]
  const manager = boundSql(sharedContext)
  const customers = await manager.execute(
    `SELECT is_member, tier_id,
       (count(*) FILTER (WHERE first_order_day < ?::date) - count(*) FILTER (WHERE last_order_day < ?::date))::int AS customers,
       count(*) FILTER (WHERE first_order_day >= ?::date AND first_order_day < ?::date AND first_day_orders = 1
         AND (second_order_day IS NULL OR second_order_day >= ?::date))::int AS singles,
       (count(*) FILTER (WHERE first_order_day < ?::date) - count(*) FILTER (WHERE last_order_day < ?::date))::int AS p_customers,
       count(*) FILTER (WHERE first_order_day >= ?::date AND first_order_day < ?::date AND first_day_orders = 1
         AND (second_order_day IS NULL OR second_order_day >= ?::date))::int AS p_singles
     FROM loyalty_analytics_customer WHERE currency_code = ?
     GROUP BY is_member, tier_id`,
    [...first(c), ...first(p), currency]
  )
  // The jumps over each period: read by the day (rows after its end) or
  // by prev_day (rows whose previous order is before its start),
  // whichever the planner finds fewer of.
  const jumps = await manager.execute(
    `SELECT 'c' AS period, is_member, tier_id, count(*)::int AS n FROM loyalty_analytics_customer_day
     WHERE currency_code = ? AND prev_day < ?::date AND day >= ?::date GROUP BY is_member, tier_id
     UNION ALL
     SELECT 'p', is_member, tier_id, count(*)::int FROM loyalty_analytics_customer_day
     WHERE currency_code = ? AND prev_day < ?::date AND day >= ?::date GROUP BY is_member, tier_id`,
    [currency, c.first_day, c.end_day, currency, p.first_day, p.end_day]
  )
  const key = (r: { is_member: boolean; tier_id: string | null }) => `${r.is_member}|${r.tier_id ?? ""}`
  return customers.map((r: any) => {
    const jumped = (period: string) => jumps.find((j: any) => j.period === period && key(j) === key(r))?.n ?? 0
    return {
      is_member: r.is_member,
      tier_id: r.tier_id ?? null,
      customers: r.customers - jumped("c"),
      singles: r.singles,
      p_customers: r.p_customers - jumped("p"),
      p_singles: r.p_singles,
    }
  })
}

const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((n, r) => n + pick(r), 0)
const sumAmount = <T>(rows: T[], pick: (r: T) => string) =>
  rows.reduce((n, r) => MathBN.add(n, pick(r)), MathBN.convert(0)).toFixed()

/** The shop's tiers now, lowest rank first. */
export async function listAnalyticsTiers(sharedContext: Context): Promise<AnalyticsTier[]> {
  const rows = await boundSql(sharedContext).execute(
    `SELECT id, name, names, rank FROM loyalty_tier WHERE deleted_at IS NULL ORDER BY rank`
  )
  return rows.map((r: any) => ({ id: r.id, name: r.name, names: r.names ?? null, rank: Number(r.rank) }))
}

/** The names of tiers by id, deleted ones too (members still in a tier that no longer exists). */
export async function tierNames(
  ids: string[],
  sharedContext: Context
): Promise<Map<string, { name: string; names: Record<string, string> | null }>> {
  if (!ids.length) {
    return new Map()
  }
  const rows = await boundSql(sharedContext).execute(
    `SELECT id, name, names FROM loyalty_tier WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(ids)]
  )
  return new Map(rows.map((r: any) => [r.id, { name: r.name, names: r.names ?? null }]))
}

/**
 * Rows keyed by tier id, laid out as the current tiers by rank, then any
 * tier that no longer exists but still has members (its name read with
 * the rows), then members with no tier (id null).
 */
export function byTier<T extends { tier_id: string | null; name?: string | null; names?: unknown }>(
  tiers: AnalyticsTier[],
  rows: T[],
  empty: () => Omit<T, "tier_id" | "name" | "names">
) {
  const found = new Map(rows.map((r) => [r.tier_id ?? "", r]))
  const keyed = [
    ...tiers.map((t) => ({ tier_id: t.id as string | null, name: t.name as string | null, names: t.names })),
    ...rows
      .filter((r) => r.tier_id && !tiers.some((t) => t.id === r.tier_id))
      .map((r) => ({ tier_id: r.tier_id, name: r.name ?? null, names: (r.names ?? null) as Record<string, string> | null })),
    { tier_id: null, name: null, names: null },
  ]
  return keyed.map((k) => ({ ...k, ...empty(), ...(found.get(k.tier_id ?? "") ?? {}), ...k }))
}

/**
 * The Loyalty analytics figures about members, their behaviour and the
 * wallet (read from the rollups, see analytics-rollups.ts), and the
 * liability (read live from the ledger). Counts are integers, amounts
 * exact decimal strings, ratios four-decimal strings; a period's figures
 * cover the shop days it touches.
 */
export class AnalyticsRoom {
  /** Members: all of them by the period's end, new and active in it, and their share of its orders. */
  async members(q: AnalyticsQuery, sharedContext: Context): Promise<AnalyticsMembers> {
    const { current: c, previous: p } = periodPair(q)
    const [joined] = await boundSql(sharedContext).execute(
      `SELECT (SELECT count(*) FROM loyalty_analytics_member WHERE joined_day < ?::date)::int AS total,
         (SELECT count(*) FROM loyalty_analytics_member WHERE joined_day >= ?::date AND joined_day < ?::date)::int AS new,
         (SELECT count(*) FROM loyalty_analytics_member WHERE joined_day >= ?::date AND joined_day < ?::date)::int AS p_new`,
      [c.end_day, c.first_day, c.end_day, p.first_day, p.end_day]
    )
    const sales = await salesBySegment(q, sharedContext)
    const active = await activity(q, sharedContext)
    const members = sales.filter((r) => r.segment !== NON_MEMBERS)
    const orders = sum(sales, (r) => r.orders)
    const memberOrders = sum(members, (r) => r.orders)
    const pOrders = sum(sales, (r) => r.p_orders)
    const pMemberOrders = sum(members, (r) => r.p_orders)
    const activeMembers = active.filter((a) => a.is_member)
    return {
      total: joined.total,
      new: joined.new,
      active: sum(activeMembers, (a) => a.customers),
      orders,
      member_orders: memberOrders,
      member_orders_share: ratio(memberOrders, orders),
      previous: {
        new: joined.p_new,
        active: sum(activeMembers, (a) => a.p_customers),
        orders: pOrders,
        member_orders: pMemberOrders,
        member_orders_share: ratio(pMemberOrders, pOrders),
      },
    }
  }

  /**
   * Customers with an order in the period, their orders, the share who
   * have ordered at least twice by its end, orders per customer, the
   * average order of members and of the others, and members by their tier
   * now (those with an order in the period: how many, their orders,
   * revenue and average order).
   */
  async behaviour(q: AnalyticsQuery, sharedContext: Context): Promise<AnalyticsBehaviour> {
    const tiers = await listAnalyticsTiers(sharedContext)
    const sales = await salesBySegment(q, sharedContext)
    const active = await activity(q, sharedContext)
    const currency = q.currency_code
    const members = sales.filter((r) => r.segment !== NON_MEMBERS)
    const others = sales.filter((r) => r.segment === NON_MEMBERS)
    const figures = (previous: boolean) => {
      const customers = sum(active, (a) => (previous ? a.p_customers : a.customers))
      const singles = sum(active, (a) => (previous ? a.p_singles : a.singles))
      const orders = sum(sales, (r) => (previous ? r.p_orders : r.orders))
      const aov = (rows: Sales[]) =>
        average(sumAmount(rows, (r) => (previous ? r.p_revenue : r.revenue)), sum(rows, (r) => (previous ? r.p_orders : r.orders)), currency)
      return {
        customers,
        orders,
        figures: {
          repurchase_rate: ratio(customers - singles, customers),
          frequency: ratio(orders, customers),
          aov: { members: aov(members), non_members: aov(others) },
        },
      }
    }
    const current = figures(false)
    const names = await tierNames(
      [...new Set(active.filter((a) => a.is_member && a.tier_id && !tiers.some((t) => t.id === a.tier_id)).map((a) => a.tier_id!))],
      sharedContext
    )
    const segments = new Set([
      ...members.map((r) => r.segment),
      ...active.filter((a) => a.is_member).map((a) => a.tier_id ?? ""),
    ])
    const rows = [...segments].map((segment) => {
      const s = members.find((r) => r.segment === segment)
      const a = active.find((x) => x.is_member && (x.tier_id ?? "") === segment)
      const revenue = amountOf(s?.revenue)
      return {
        tier_id: segment || null,
        name: names.get(segment)?.name ?? null,
        names: names.get(segment)?.names ?? null,
        members: a?.customers ?? 0,
        orders: s?.orders ?? 0,
        revenue,
        aov: average(revenue, s?.orders ?? 0, currency),
      }
    })
    return {
      customers: current.customers,
      orders: current.orders,
      ...current.figures,
      by_tier: byTier(tiers, rows, () => ({ members: 0, orders: 0, revenue: "0", aov: "0" })),
      previous: figures(true).figures,
    }
  }

  /**
   * The wallet's flows in the period (rollups: cashback issued, released
   * after a hold, redeemed net of what was given back, expired, cashback
   * taken back), redeemed against issued, and what the cashback kept cost
   * against what members bought.
   */
  async wallet(q: AnalyticsQuery, sharedContext: Context): Promise<AnalyticsWallet> {
    const { current: c, previous: p, currency } = periodPair(q)
    const rows = await boundSql(sharedContext).execute(
      `SELECT flow, coalesce(sum(amount) FILTER (WHERE day >= ?::date AND day < ?::date), 0)::text AS cur,
         coalesce(sum(amount) FILTER (WHERE day >= ?::date AND day < ?::date), 0)::text AS prev
       FROM loyalty_analytics_ledger_day
       WHERE currency_code = ? AND ((day >= ?::date AND day < ?::date) OR (day >= ?::date AND day < ?::date))
       GROUP BY flow`,
      [c.first_day, c.end_day, p.first_day, p.end_day, currency, c.first_day, c.end_day, p.first_day, p.end_day]
    )
    const sales = await salesBySegment(q, sharedContext)
    const members = sales.filter((r) => r.segment !== NON_MEMBERS)
    const figures = (column: "cur" | "prev"): AnalyticsWalletFigures => {
      const of = (flow: string) => amountOf(rows.find((r: any) => r.flow === flow)?.[column])
      const issued = of("issued")
      const takenBack = of("taken_back")
      const redeemed = of("redeemed")
      const memberRevenue = sumAmount(members, (r) => (column === "cur" ? r.revenue : r.p_revenue))
      return {
        issued,
        released: of("released"),
        redeemed,
        expired: of("expired"),
        taken_back: takenBack,
        redemption_rate: ratio(redeemed, issued),
        member_revenue: memberRevenue,
        cost_share: ratio(MathBN.sub(issued, takenBack), memberRevenue),
      }
    }
    return { ...figures("cur"), previous: figures("prev") }
  }

  /**
   * What the wallets in the currency owe at `at` (now), read live from the
   * ledger: the sum over the wallets of getBalances' available + pending
   * (each wallet's cached ledger sum less its credit past its date that
   * the expiry run has not written off yet; debts count, negative), with
   * pending apart. The forecast puts the spendable credit by the month it
   * expires; `no_expiry` is the spendable credit that never does (debts
   * included), so pending + the months + no_expiry = total.
   */
  async liability(
    data: { currency_code: string; calendar: AnalyticsCalendar; time_zone: string; at?: Date },
    sharedContext: Context
  ): Promise<AnalyticsLiability> {
    const at = data.at ?? new Date()
    const currency = data.currency_code.toLowerCase()
    const manager = boundSql(sharedContext)
    // The wallets by currency (is the currency the only one?) and the
    // latest expiry of an open lot (how many months the forecast needs).
    const [wallets, [{ last }]] = [
      await manager.execute(
        `SELECT currency_code, count(*)::int AS wallets, coalesce(sum(balance), 0)::text AS balance
         FROM loyalty_wallet WHERE deleted_at IS NULL GROUP BY currency_code`
      ),
      await manager.execute(
        `SELECT max(expires_at) AS last FROM loyalty_wallet_lot
         WHERE remaining > 0 AND expired_at IS NULL AND expires_at IS NOT NULL AND deleted_at IS NULL`
      ),
    ]
    const mine = wallets.find((w: any) => w.currency_code === currency) ?? { wallets: 0, balance: "0" }
    // Bucket 0: expired by `at` (expires_at <= at); bucket i: the i-th
    // month from `at` on (the first one from at to its end); null: no expiry.
    const months = expiryMonths(at, last ? new Date(last) : at, data.calendar, data.time_zone)
    const onlyCurrency = wallets.every((w: any) => w.currency_code === currency)
    // The buckets' lower bounds, as literals (an expression would be worked
    // out again for every lot): one microsecond after `at` (its millisecond
    // ISO form, three digits more), then each later month's first instant.
    const bounds = [`${at.toISOString().slice(0, 23)}001Z`, ...months.slice(1).map((m) => m.start.toISOString())]
    const rows = await manager.execute(
      `SELECT l.remaining > 0 AS positive, coalesce(l.available_at > ?::timestamptz, false) AS pending,
         width_bucket(l.expires_at, ?::timestamptz[]) AS bucket,
         sum(l.remaining)::text AS amount
       FROM loyalty_wallet_lot l
       ${onlyCurrency ? "" : "JOIN loyalty_wallet w ON w.id = l.wallet_id AND w.currency_code = ? AND w.deleted_at IS NULL"}
       WHERE l.remaining <> 0 AND l.expired_at IS NULL AND l.deleted_at IS NULL
       GROUP BY 1, 2, 3`,
      [at, `{${bounds.join(",")}}`, ...(onlyCurrency ? [] : [currency])]
    )
    let pending = MathBN.convert(0)
    let overdue = MathBN.convert(0)
    let noExpiry = MathBN.convert(0)
    const byMonth = months.map(() => MathBN.convert(0))
    for (const r of rows) {
      // As getBalances counts them: pending (spendable later) and overdue
      // (past its date, not yet written off) are open lots with something
      // left; a lot can be both. The rest is spendable: by expiry month,
      // or without expiry (debts, negative lots, count there).
      if (r.positive && r.pending) {
        pending = MathBN.add(pending, r.amount)
      }
      if (r.positive && r.bucket === 0) {
        overdue = MathBN.add(overdue, r.amount)
      }
      if (r.positive && (r.pending || r.bucket === 0)) {
        continue
      }
      if (r.bucket === null || r.bucket === 0) {
        noExpiry = MathBN.add(noExpiry, r.amount)
      } else {
        byMonth[r.bucket - 1] = MathBN.add(byMonth[r.bucket - 1], r.amount)
      }
    }
    // getBalances per wallet: available = balance - pending - overdue.
    const total = MathBN.sub(mine.balance, overdue)
    return {
      total: total.toFixed(),
      available: MathBN.sub(total, pending).toFixed(),
      pending: pending.toFixed(),
      wallets: mine.wallets,
      by_month: months
        .map((m, i) => ({ month: m.month, start: shopDayStart(m.first_day, data.time_zone).toISOString(), amount: byMonth[i].toFixed() }))
        .filter((m) => m.amount !== "0"),
      no_expiry: noExpiry.toFixed(),
    }
  }
}

/**
 * The months an expiry can fall in, from the one `at` is in to the one
 * `last` is in: each with the instant its bucket starts (at itself for
 * the first, the month's first midnight in the shop's time zone after).
 */
function expiryMonths(at: Date, last: Date, calendar: AnalyticsCalendar, timeZone: string) {
  const months: { month: string; first_day: string; start: Date }[] = []
  let month = monthOfDay(shopDay(at, timeZone), calendar)
  const lastMonth = monthOfDay(shopDay(last.getTime() > at.getTime() ? last : at, timeZone), calendar)
  for (;;) {
    const firstDay = monthFirstDay(month, calendar)
    months.push({ month, first_day: firstDay, start: months.length ? shopDayStart(firstDay, timeZone) : at })
    if (month >= lastMonth) {
      return months
    }
    month = addMonths(month, 1)
  }
}
