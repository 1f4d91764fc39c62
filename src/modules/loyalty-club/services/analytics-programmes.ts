import { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { AnalyticsQuery, amountOf } from "../../../utils/analytics"
import { OCCASION_KINDS } from "../../../utils/occasions"
import { CHECKOUT_CREDIT_OF, COUNTED_ORDER_SQL, ORDER_VALUE_SQL } from "./analytics-rollups"
import { boundSql } from "./sql"

export type AnalyticsProgrammes = {
  codes: { batch_id: string; name: string | null; cost: string; orders: number; revenue: string }[]
  occasions: { kind: string; cost: string; orders: number; revenue: string }[]
  referrals: { referrals: number; cost: string; orders: number; revenue: string }
}

// A code use that counts: not deleted, not given back (its order was
// canceled), in the currency, in the period (p). Currency codes are
// stored lower case (orders, wallets, code uses), and compared as they
// are so the planner can estimate them.
const USE_COUNTS = `u.deleted_at IS NULL AND u.released_at IS NULL AND u.currency_code = p.cur
  AND u.used_at >= p.f AND u.used_at < p.t`

const PERIOD = `(SELECT ?::text AS cur, ?::timestamptz AS f, ?::timestamptz AS t) p`

/**
 * What each programme cost and brought in the period, read live (the
 * tables are small next to the orders): code batches, occasions and
 * referrals. Campaigns have not landed: no figure.
 */
export class AnalyticsProgrammesRoom {
  /**
   * - codes, per batch with a use in the period: cost = the discounts of
   *   its uses (a use given back when its order was canceled does not
   *   count), orders = those uses, revenue = their orders' totals as
   *   recorded at the use. Occasion and referral codes are counted under
   *   their programme, not here.
   * - occasions, per kind: cost = the credit gifts given in the period +
   *   the discounts of the occasion codes used in it; orders and revenue
   *   of those uses.
   * - referrals: referrals made in the period (not refused); cost = the
   *   referrer, friend and bonus credit given in it less what was taken
   *   back of it, + the discounts of friends' referral codes used in it;
   *   orders = the friends' qualifying orders and the bonus orders placed
   *   in it (not canceled); revenue = their order values.
   */
  async programmes(q: AnalyticsQuery, sharedContext: Context): Promise<AnalyticsProgrammes> {
    const period = [q.currency_code.toLowerCase(), q.from, q.to]
    const manager = boundSql(sharedContext)
    // One pass over the period's code uses: batch codes by batch, occasion
    // codes by the occasion that gave them, referral codes together.
    const uses = await manager.execute(
      `WITH u AS MATERIALIZED (
         SELECT u.batch_id, u.code_id, c.source, u.discount, u.order_total
         FROM ${PERIOD}, loyalty_code_use u
         JOIN loyalty_code c ON c.id = u.code_id
         WHERE ${USE_COUNTS}
       )
       SELECT 'batch' AS kind, u.batch_id AS key, b.name, sum(u.discount)::text AS cost, count(*)::int AS orders,
         sum(u.order_total)::text AS revenue
       FROM u LEFT JOIN loyalty_code_batch b ON b.id = u.batch_id
       WHERE u.source NOT IN ('occasion', 'referral')
       GROUP BY u.batch_id, b.name
       UNION ALL
       SELECT 'occasion', g.kind, NULL, sum(u.discount)::text, count(*)::int, sum(u.order_total)::text
       FROM u JOIN loyalty_occasion_grant g ON g.code_id = u.code_id AND g.deleted_at IS NULL
       WHERE u.source = 'occasion'
       GROUP BY g.kind
       UNION ALL
       SELECT 'referral', '', NULL, coalesce(sum(u.discount), 0)::text, count(*)::int, coalesce(sum(u.order_total), 0)::text
       FROM u WHERE u.source = 'referral'`,
      period
    )
    // Occasions' credit gifts given in the period (the ledger rows refer to their grant).
    const gifts = await manager.execute(
      `SELECT g.kind, sum(t.amount)::text AS cost
       FROM ${PERIOD}, loyalty_wallet_transaction t
       JOIN loyalty_occasion_grant g ON g.id = t.reference_id AND g.deleted_at IS NULL
       WHERE t.reference = 'occasion' AND t.type = 'credit' AND t.deleted_at IS NULL AND g.currency_code = p.cur
         AND t.created_at >= p.f AND t.created_at < p.t
       GROUP BY g.kind`,
      period
    )
    const [referrals] = await manager.execute(
      `WITH credits AS (
         SELECT t.id, t.amount
         FROM ${PERIOD}, loyalty_wallet_transaction t
         WHERE t.type = 'credit' AND t.reference IN ('referral', 'referral_friend', 'referral_order') AND t.deleted_at IS NULL
           AND t.created_at >= p.f AND t.created_at < p.t
           -- The wallet's currency, looked up for these few rows only.
           AND (SELECT w.currency_code FROM loyalty_wallet w WHERE w.id = t.wallet_id) = p.cur
       ), kept AS (
         SELECT c.amount + coalesce((
           SELECT sum(r.amount) FROM loyalty_wallet_transaction r
           WHERE r.reverses_id = c.id AND r.type = 'reversal' AND r.deleted_at IS NULL), 0) AS amount
         FROM credits c
       ), orders AS (
         SELECT order_id AS id FROM loyalty_referral
         WHERE deleted_at IS NULL AND order_id IS NOT NULL AND status <> 'refused'
         UNION
         SELECT reference_id FROM loyalty_wallet_transaction
         WHERE type = 'credit' AND reference = 'referral_order' AND deleted_at IS NULL
       ), vals AS (
         SELECT ${ORDER_VALUE_SQL} AS value
         FROM ${PERIOD}, orders x
         JOIN "order" o ON o.id = x.id
         JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
         LEFT JOIN LATERAL (${CHECKOUT_CREDIT_OF("o.id")}) cl ON true
         WHERE ${COUNTED_ORDER_SQL} AND o.currency_code = p.cur AND o.created_at >= p.f AND o.created_at < p.t
       )
       SELECT
         (SELECT count(*) FROM ${PERIOD}, loyalty_referral r
           WHERE r.deleted_at IS NULL AND r.status <> 'refused' AND r.created_at >= p.f AND r.created_at < p.t)::int AS referrals,
         (SELECT coalesce(sum(amount), 0) FROM kept)::text AS cost,
         (SELECT count(*) FROM vals)::int AS orders,
         (SELECT coalesce(sum(value), 0) FROM vals)::text AS revenue`,
      [...period, ...period, ...period]
    )
    const of = (kind: string) => uses.filter((r: any) => r.kind === kind)
    const referralCodes = of("referral")[0]
    return {
      codes: of("batch")
        .map((r: any) => ({ batch_id: r.key, name: r.name ?? null, cost: amountOf(r.cost), orders: r.orders, revenue: amountOf(r.revenue) }))
        .sort((a: any, b: any) => (MathBN.eq(a.cost, b.cost) ? String(a.name).localeCompare(String(b.name)) : MathBN.gt(b.cost, a.cost) ? 1 : -1)),
      occasions: OCCASION_KINDS.map((kind) => {
        const u = of("occasion").find((r: any) => r.key === kind)
        const gift = gifts.find((r: any) => r.kind === kind)
        return {
          kind,
          cost: MathBN.add(gift?.cost ?? 0, u?.cost ?? 0).toFixed(),
          orders: u?.orders ?? 0,
          revenue: amountOf(u?.revenue),
        }
      }),
      referrals: {
        referrals: referrals.referrals,
        cost: MathBN.add(referrals.cost, referralCodes?.cost ?? 0).toFixed(),
        orders: referrals.orders,
        revenue: amountOf(referrals.revenue),
      },
    }
  }
}
