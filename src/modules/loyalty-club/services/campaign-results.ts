import { Context } from "@medusajs/framework/types"
import { SegmentGroup } from "../../../utils/segment-conditions"
import { CHECKOUT_CREDIT_OF, COUNTED_ORDER_SQL, ORDER_VALUE_SQL } from "./analytics-rollups"
import { SKIP_REASON } from "./campaigns"
import { overPopulation, segmentMembers } from "./segment-facts"
import { boundSql, sql } from "./sql"

export type GroupRevenueRow = {
  customers: number
  buyers: number
  orders: number
  revenue: string
  revenue_squares: string
}

export type CampaignMessageCounts = {
  queued: number
  sent: number
  delivered: number
  failed: number
  skipped: number
}

/**
 * What campaigns reach and achieve: the preview's audience, message counts
 * per campaign, the results' facts (recipients against the holdout within
 * the window) and the campaigns a customer received. Reads only.
 */
export class CampaignResultsRoom {
  /**
   * What the preview counts over a segment now: its members, those who
   * opted out (of everything or of promotions), those with no phone, and
   * the reachable ones per language (their preference, else the shop's).
   */
  async audience(
    conditions: SegmentGroup,
    at: Date,
    defaultLocale: string,
    sharedContext: Context
  ): Promise<{ members: number; opted_out: number; no_phone: number; fa: number; en: number }> {
    const [row] = await overPopulation(sharedContext, async (manager) => {
      const segment = await segmentMembers(manager, conditions, at)
      return await manager.execute(
        `WITH members AS (SELECT DISTINCT customer_id FROM (${segment.sql}) s),
         reasons AS (
           SELECT ${SKIP_REASON} AS reason,
             CASE WHEN p.locale IN ('fa', 'en') THEN p.locale ELSE ? END AS locale
           FROM members m JOIN customer c ON c.id = m.customer_id
           LEFT JOIN loyalty_sms_preference p ON p.customer_id = m.customer_id AND p.deleted_at IS NULL
         )
         SELECT count(*)::int AS members,
           count(*) FILTER (WHERE reason IN ('opted_out', 'promotions_opted_out'))::int AS opted_out,
           count(*) FILTER (WHERE reason = 'no_phone')::int AS no_phone,
           count(*) FILTER (WHERE reason IS NULL AND locale = 'fa')::int AS fa,
           count(*) FILTER (WHERE reason IS NULL AND locale = 'en')::int AS en
         FROM reasons`,
        [...segment.bindings, defaultLocale]
      )
    })
    return row
  }

  /** A campaign's messages by status (withdrawn ones aside), and those the gateway reported delivered. */
  async messageCounts(campaignIds: string[], sharedContext: Context): Promise<Record<string, CampaignMessageCounts>> {
    if (!campaignIds.length) {
      return {}
    }
    const rows = await sql(sharedContext).execute(
      `SELECT campaign_id,
         count(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS queued,
         count(*) FILTER (WHERE status = 'sent')::int AS sent,
         count(*) FILTER (WHERE delivery_status = 'delivered')::int AS delivered,
         count(*) FILTER (WHERE status = 'failed')::int AS failed,
         count(*) FILTER (WHERE status = 'skipped')::int AS skipped
       FROM loyalty_message
       WHERE campaign_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL
       GROUP BY campaign_id`,
      [JSON.stringify(campaignIds)]
    )
    return Object.fromEntries(rows.map((r: any) => [r.campaign_id, r]))
  }

  /**
   * The figures of a campaign's results: targets who opted out of
   * promotions (or of everything) after they entered, gifts given and used
   * (a code with a use not given back, a credit lot partly spent), and per
   * group (targets, holdout) the counted orders each recipient placed in
   * [entered_at, entered_at + window_days) in `currency_code`: heads,
   * buyers, orders, revenue (ORDER_VALUE: what the order is worth with the
   * credit that paid it) and Σ(revenue per head)², all exact.
   */
  async results(
    campaignId: string,
    windowDays: number,
    currencyCode: string,
    sharedContext: Context
  ): Promise<{
    opted_out: number
    gifts: { given: number; used: number }
    target: GroupRevenueRow
    holdout: GroupRevenueRow
    first_entered_at: Date | null
    last_entered_at: Date | null
  }> {
    const manager = sql(sharedContext)
    const [facts] = await manager.execute(
      `SELECT
         count(*) FILTER (WHERE NOT r.holdout AND (
           (p.promotions_opted_out AND p.promotions_opted_out_at >= r.entered_at)
           OR (p.opted_out AND p.opted_out_at >= r.entered_at)))::int AS opted_out,
         count(*) FILTER (WHERE r.gift IS NOT NULL)::int AS given,
         count(*) FILTER (WHERE
           (r.gift->>'code_id' IS NOT NULL AND EXISTS (SELECT 1 FROM loyalty_code_use u WHERE u.code_id = r.gift->>'code_id'
              AND u.released_at IS NULL AND u.deleted_at IS NULL))
           OR (r.gift->>'transaction_id' IS NOT NULL AND EXISTS (SELECT 1 FROM loyalty_wallet_lot l
              WHERE l.transaction_id = r.gift->>'transaction_id' AND l.remaining < l.amount AND l.deleted_at IS NULL))
         )::int AS used,
         min(r.entered_at) AS first_entered_at, max(r.entered_at) AS last_entered_at
       FROM loyalty_campaign_recipient r
       LEFT JOIN loyalty_sms_preference p ON p.customer_id = r.customer_id AND p.deleted_at IS NULL
       WHERE r.campaign_id = ? AND r.deleted_at IS NULL`,
      [campaignId]
    )
    const groups = await manager.execute(
      `WITH per AS (
         SELECT r.id, r.holdout, count(v.id)::int AS orders, coalesce(sum(v.value), 0) AS revenue
         FROM loyalty_campaign_recipient r
         LEFT JOIN LATERAL (
           SELECT o.id, ${ORDER_VALUE_SQL} AS value
           FROM "order" o
           JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
           LEFT JOIN LATERAL (${CHECKOUT_CREDIT_OF("o.id")}) cl ON true
           WHERE o.customer_id = r.customer_id AND ${COUNTED_ORDER_SQL}
             AND lower(o.currency_code) = ?
             AND o.created_at >= r.entered_at AND o.created_at < r.entered_at + make_interval(days => ?)
         ) v ON true
         WHERE r.campaign_id = ? AND r.deleted_at IS NULL
         GROUP BY r.id, r.holdout
       )
       SELECT holdout, count(*)::int AS customers, count(*) FILTER (WHERE orders > 0)::int AS buyers,
         coalesce(sum(orders), 0)::int AS orders, coalesce(sum(revenue), 0)::text AS revenue,
         coalesce(sum(revenue * revenue), 0)::text AS revenue_squares
       FROM per GROUP BY holdout`,
      [currencyCode.toLowerCase(), windowDays, campaignId]
    )
    const empty: GroupRevenueRow = { customers: 0, buyers: 0, orders: 0, revenue: "0", revenue_squares: "0" }
    const group = (holdout: boolean) => {
      const row = groups.find((g: any) => g.holdout === holdout)
      return row
        ? {
            customers: row.customers,
            buyers: row.buyers,
            orders: row.orders,
            revenue: row.revenue,
            revenue_squares: row.revenue_squares,
          }
        : empty
    }
    return {
      opted_out: facts?.opted_out ?? 0,
      gifts: { given: facts?.given ?? 0, used: facts?.used ?? 0 },
      target: group(false),
      holdout: group(true),
      first_entered_at: facts?.first_entered_at ? new Date(facts.first_entered_at) : null,
      last_entered_at: facts?.last_entered_at ? new Date(facts.last_entered_at) : null,
    }
  }

  /** The last 50 campaigns and automations a customer entered, with their message and gift. */
  async customerCampaigns(customerId: string, limit: number, sharedContext: Context): Promise<any[]> {
    return await sql(sharedContext).execute(
      `SELECT c.id, c.name, c.kind, r.entered_at, r.holdout, r.gift, r.skip_reason,
         m.status AS message_status, m.sent_at, m.delivery_status
       FROM loyalty_campaign_recipient r
       JOIN loyalty_campaign c ON c.id = r.campaign_id
       LEFT JOIN loyalty_message m ON m.id = r.message_id
       WHERE r.customer_id = ? AND r.deleted_at IS NULL
       ORDER BY r.entered_at DESC, r.id DESC LIMIT ?`,
      [customerId, limit]
    )
  }
}
