import { Context } from "@medusajs/framework/types"
import {
  AnalyticsQuery,
  amountOf,
  average,
  monthBuckets,
  periodDays,
  ratio,
} from "../../../utils/analytics"
import { AnalyticsTier, byTier, listAnalyticsTiers, tierNames } from "./analytics"
import { boundSql } from "./sql"

export type AnalyticsRetention = {
  cohorts: { month: string; start: string; customers: number; retained: string[] }[]
}

export type AnalyticsLifetimeValue = {
  by_tier: {
    tier_id: string | null
    name: string | null
    names: Record<string, string> | null
    members: number
    revenue: string
    ltv: string
  }[]
  by_channel: { mix: "online" | "store" | "both"; members: number; revenue: string; ltv: string }[]
  by_join_month: { month: string; start: string; members: number; revenue: string; ltv: string }[]
}

export type AnalyticsOmnichannel = {
  months: { month: string; start: string; online: number; store: number; both: number }[]
  locations: { location: string | null; orders: number; revenue: string }[]
}

export type AnalyticsTiers = {
  tiers: AnalyticsTier[]
  months: { month: string; start: string; members: Record<string, number>; upgrades: number; downgrades: number }[]
}

/** Retention shows at most this many cohorts: the latest. */
export const MAX_COHORTS = 24

const MONTH_COLUMN = { gregorian: "g_month", jalali: "j_month" } as const

/**
 * The Loyalty analytics figures by calendar month (retention, lifetime
 * value by join month, omnichannel, tiers), from the rollups. A month the
 * period covers whole is read as the rebuild summed it; a month it cuts
 * (the first, the last) is counted over its days inside the period from
 * the customers' days, so every figure covers exactly the period's days.
 */
export class AnalyticsMonthsRoom {
  /**
   * Cohorts: customers by the month of their first order, for the months
   * that start inside the period (the latest 24); `retained[k-1]` is the
   * share of the cohort with an order in the k-th month after it, for the
   * months up to the period's end (the last one up to the end only).
   */
  async retention(q: AnalyticsQuery, sharedContext: Context): Promise<AnalyticsRetention> {
    const buckets = monthBuckets(q.from, q.to, q.calendar, q.time_zone)
    const cohorts = buckets.filter((b) => b.start.getTime() >= q.from.getTime()).slice(-MAX_COHORTS)
    if (!cohorts.length) {
      return { cohorts: [] }
    }
    const last = buckets[buckets.length - 1]
    const fullColumns = buckets.filter((b) => b.full && b.month > cohorts[0].month).map((b) => b.month)
    const currency = q.currency_code.toLowerCase()
    const rows = await boundSql(sharedContext).execute(
      `WITH c AS (
         SELECT * FROM jsonb_to_recordset(?::jsonb) AS c(month text, first_day date, next_day date, to_day date)
       )
       SELECT 'size' AS kind, c.month AS cohort, NULL AS month,
         (SELECT count(*) FROM loyalty_analytics_customer cu
           WHERE cu.currency_code = ? AND cu.first_order_day >= c.first_day AND cu.first_order_day < c.to_day)::int AS n
       FROM c
       UNION ALL
       SELECT 'cell', cohort, month, customers FROM loyalty_analytics_cohort
       WHERE currency_code = ? AND calendar = ? AND cohort IN (SELECT month FROM c)
         AND month IN (SELECT jsonb_array_elements_text(?::jsonb)) AND month > cohort
       UNION ALL
       SELECT 'cell', c.month, ?, count(*)::int
       FROM loyalty_analytics_customer_day cd
       JOIN c ON cd.first_order_day >= c.first_day AND cd.first_order_day < c.next_day AND c.month < ?
       -- Each customer's first row in the days: no earlier order inside them.
       WHERE cd.currency_code = ? AND cd.day >= ?::date AND cd.day < ?::date
         AND (cd.prev_day IS NULL OR cd.prev_day < ?::date) AND ?::boolean
       GROUP BY c.month`,
      [
        JSON.stringify(cohorts.map((c) => ({ month: c.month, first_day: c.first_day, next_day: c.next_day, to_day: c.to_day }))),
        currency,
        currency,
        q.calendar,
        JSON.stringify(fullColumns),
        last.month,
        last.month,
        currency,
        last.from_day,
        last.to_day,
        last.from_day,
        !last.full,
      ]
    )
    const sizes = new Map<string, number>()
    const cells = new Map<string, number>()
    for (const r of rows) {
      if (r.kind === "size") {
        sizes.set(r.cohort, r.n)
      } else {
        cells.set(`${r.cohort}|${r.month}`, r.n)
      }
    }
    return {
      cohorts: cohorts.map((c) => {
        const customers = sizes.get(c.month) ?? 0
        const later = buckets.filter((b) => b.month > c.month)
        return {
          month: c.month,
          start: c.start.toISOString(),
          customers,
          retained: later.map((b) => ratio(cells.get(`${c.month}|${b.month}`) ?? 0, customers)),
        }
      }),
    }
  }

  /**
   * Members' all-time revenue in the currency, averaged: by their tier now
   * (every member, those with no order count as 0), by where they bought
   * (members with orders: online only, in store only, both), and by the
   * month they joined (members who joined in the period, by month).
   */
  async lifetimeValue(q: AnalyticsQuery, sharedContext: Context): Promise<AnalyticsLifetimeValue> {
    const tiers = await listAnalyticsTiers(sharedContext)
    const buckets = monthBuckets(q.from, q.to, q.calendar, q.time_zone)
    const { first_day, end_day } = periodDays(q.from, q.to, q.time_zone)
    const currency = q.currency_code.toLowerCase()
    const manager = boundSql(sharedContext)
    let rows = await manager.execute(
      `SELECT kind, key, members, revenue::text AS revenue FROM loyalty_analytics_ltv WHERE currency_code = ?
       UNION ALL
       SELECT 'join', c.${MONTH_COLUMN[q.calendar]}, sum(j.members)::int, sum(j.revenue)::text
       FROM loyalty_analytics_join_day j JOIN loyalty_analytics_calendar c ON c.day = j.day
       WHERE j.currency_code = ? AND j.day >= ?::date AND j.day < ?::date
       GROUP BY 2`,
      [currency, currency, first_day, end_day]
    )
    if (!rows.length) {
      // A currency with neither orders nor wallets: every member, no revenue.
      rows = await manager.execute(
        `SELECT 'tier' AS kind, coalesce(tier_id, '') AS key, count(*)::int AS members, '0' AS revenue
         FROM loyalty_analytics_member GROUP BY 2
         UNION ALL
         SELECT 'join', c.${MONTH_COLUMN[q.calendar]}, count(*)::int, '0'
         FROM loyalty_analytics_member m JOIN loyalty_analytics_calendar c ON c.day = m.joined_day
         WHERE m.joined_day >= ?::date AND m.joined_day < ?::date
         GROUP BY 2`,
        [first_day, end_day]
      )
    }
    const of = (kind: string) => rows.filter((r: any) => r.kind === kind)
    const value = (members: number, revenue: string) => ({
      members,
      revenue: amountOf(revenue),
      ltv: average(revenue ?? 0, members, currency),
    })
    const tierRows = of("tier").map((r: any) => ({ tier_id: (r.key || null) as string | null, ...value(r.members, r.revenue) }))
    const names = await tierNames(
      tierRows.filter((r) => r.tier_id && !tiers.some((t) => t.id === r.tier_id)).map((r) => r.tier_id!),
      sharedContext
    )
    return {
      by_tier: byTier(
        tiers,
        tierRows.map((r) => ({ ...r, name: names.get(r.tier_id ?? "")?.name ?? null, names: names.get(r.tier_id ?? "")?.names ?? null })),
        () => ({ members: 0, revenue: "0", ltv: "0" })
      ),
      by_channel: (["online", "store", "both"] as const).map((mix) => {
        const r = of("channel").find((x: any) => x.key === mix)
        return { mix, ...value(r?.members ?? 0, r?.revenue ?? "0") }
      }),
      by_join_month: buckets.map((b) => {
        const r = of("join").find((x: any) => x.key === b.month)
        return { month: b.month, start: b.start.toISOString(), ...value(r?.members ?? 0, r?.revenue ?? "0") }
      }),
    }
  }

  /**
   * Per month of the period, the customers with an order in it (inside the
   * period) who bought online only, in store only, or both; and the
   * in-store orders and revenue by till location in the period.
   */
  async omnichannel(q: AnalyticsQuery, sharedContext: Context): Promise<AnalyticsOmnichannel> {
    const buckets = monthBuckets(q.from, q.to, q.calendar, q.time_zone)
    const { first_day, end_day } = periodDays(q.from, q.to, q.time_zone)
    const currency = q.currency_code.toLowerCase()
    const manager = boundSql(sharedContext)
    const partial = buckets.filter((b) => !b.full)
    // Months the period cuts (at most its first and last): their customers
    // over the days inside the period, one range each so each reads its own days.
    const months = await manager.execute(
      [
        `SELECT month, online_only AS online, store_only AS store, both_channels AS both_ FROM loyalty_analytics_month
         WHERE currency_code = ? AND calendar = ? AND month IN (SELECT jsonb_array_elements_text(?::jsonb))`,
        ...partial.map(
          () => `SELECT ?::text, (count(*) FILTER (WHERE online AND NOT store))::int, (count(*) FILTER (WHERE store AND NOT online))::int,
             (count(*) FILTER (WHERE online AND store))::int
           FROM (
             SELECT bool_or(orders > store_orders) AS online, bool_or(store_orders > 0) AS store
             FROM loyalty_analytics_customer_day WHERE currency_code = ? AND day >= ?::date AND day < ?::date
             GROUP BY customer_id
           ) x`
        ),
      ].join("\n UNION ALL \n"),
      [
        currency,
        q.calendar,
        JSON.stringify(buckets.filter((b) => b.full).map((b) => b.month)),
        ...partial.flatMap((b) => [b.month, currency, b.from_day, b.to_day]),
      ]
    )
    const locations = await manager.execute(
      `SELECT location, sum(orders)::int AS orders, sum(revenue)::text AS revenue FROM loyalty_analytics_location_day
       WHERE currency_code = ? AND day >= ?::date AND day < ?::date
       GROUP BY location ORDER BY 2 DESC, 1`,
      [currency, first_day, end_day]
    )
    return {
      months: buckets.map((b) => {
        const r = months.find((x: any) => x.month === b.month)
        return { month: b.month, start: b.start.toISOString(), online: r?.online ?? 0, store: r?.store ?? 0, both: r?.both_ ?? 0 }
      }),
      locations: locations.map((r: any) => ({ location: r.location || null, orders: r.orders, revenue: amountOf(r.revenue) })),
    }
  }

  /**
   * The tiers now, and per month of the period: each tier's members at the
   * month's end (or the period's, for a month it cuts; today's for a month
   * still running), and the upgrades and downgrades in it.
   */
  async tiers(q: AnalyticsQuery, sharedContext: Context): Promise<AnalyticsTiers> {
    const tiers = await listAnalyticsTiers(sharedContext)
    const buckets = monthBuckets(q.from, q.to, q.calendar, q.time_zone)
    const rows = await boundSql(sharedContext).execute(
      `WITH b AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS b(i int, from_day date, to_day date))
       SELECT 'members' AS kind, b.i, t.tier_key, sum(t.net)::int AS n, 0 AS m
       FROM b JOIN loyalty_analytics_tier_day t ON t.day < b.to_day AND t.tier_key <> ''
       GROUP BY b.i, t.tier_key
       UNION ALL
       SELECT 'moves', b.i, NULL, sum(t.upgrades)::int, sum(t.downgrades)::int
       FROM b JOIN loyalty_analytics_tier_day t ON t.day >= b.from_day AND t.day < b.to_day
       GROUP BY b.i`,
      [JSON.stringify(buckets.map((b, i) => ({ i, from_day: b.from_day, to_day: b.to_day })))]
    )
    const at = (kind: string, i: number) => rows.filter((r: any) => r.kind === kind && r.i === i)
    return {
      tiers,
      months: buckets.map((b, i) => ({
        month: b.month,
        start: b.start.toISOString(),
        members: Object.fromEntries(tiers.map((t) => [t.id, at("members", i).find((r: any) => r.tier_key === t.id)?.n ?? 0])),
        upgrades: at("moves", i)[0]?.n ?? 0,
        downgrades: at("moves", i)[0]?.m ?? 0,
      })),
    }
  }
}
