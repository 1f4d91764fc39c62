import { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { sql } from "./sql"

/**
 * Cashback as the shop sees it: what each rule paid, an order's cashback,
 * what a customer received. Reads the ledger's rows; writes nothing.
 */
export class CashbackRoom {
  /**
   * How much each rule has paid: orders that earned from it and the amounts
   * credited and taken back, per currency.
   */
  async getCashbackRuleUsage(
    ruleIds: string[],
    sharedContext: Context
  ): Promise<
    Record<string, { orders: number; amounts: { currency_code: string; awarded: string; taken_back: string }[] }>
  > {
    const usage: Record<string, any> = {}
    for (const id of ruleIds) {
      usage[id] = { orders: 0, amounts: [] }
    }
    if (!ruleIds.length) {
      return usage
    }
    const rows = await sql(sharedContext).execute(
      `SELECT split_part(t.reference_id, ':', 2) AS rule_id, w.currency_code,
         count(*)::int AS orders, SUM(t.amount) AS awarded,
         COALESCE(SUM(back.amount), 0) AS taken_back
       FROM loyalty_wallet_transaction t
       JOIN loyalty_wallet w ON w.id = t.wallet_id
       LEFT JOIN LATERAL (
         SELECT -SUM(r.amount) AS amount FROM loyalty_wallet_transaction r
         WHERE r.reverses_id = t.id AND r.reverses_id IS NOT NULL AND r.deleted_at IS NULL
       ) back ON true
       WHERE t.type = 'credit' AND t.reference = 'order' AND t.deleted_at IS NULL
         AND split_part(t.reference_id, ':', 2) IN (?)
       GROUP BY 1, 2 ORDER BY 2`,
      [ruleIds]
    )
    for (const row of rows) {
      usage[row.rule_id].orders += row.orders
      usage[row.rule_id].amounts.push({
        currency_code: row.currency_code,
        awarded: MathBN.convert(row.awarded).toFixed(),
        taken_back: MathBN.convert(row.taken_back).toFixed(),
      })
    }
    return usage
  }

  /**
   * An order's cashback credits with their lots and what was taken back:
   * the raw facts behind the order page's cashback widget.
   */
  async listOrderCashback(
    orderId: string,
    sharedContext: Context
  ) {
    const rows = await sql(sharedContext).execute(
      `SELECT t.id, t.wallet_id, t.amount, t.note, t.metadata, t.created_at, w.currency_code,
         l.remaining, l.available_at, l.expires_at, l.expired_at,
         COALESCE((SELECT -SUM(r.amount) FROM loyalty_wallet_transaction r
           WHERE r.reverses_id = t.id AND r.reverses_id IS NOT NULL AND r.deleted_at IS NULL), 0) AS taken_back
       FROM loyalty_wallet_transaction t
       JOIN loyalty_wallet w ON w.id = t.wallet_id
       LEFT JOIN loyalty_wallet_lot l ON l.transaction_id = t.id AND l.deleted_at IS NULL
       WHERE t.type = 'credit' AND t.reference = 'order' AND t.reference_id LIKE ?
         AND t.deleted_at IS NULL
       ORDER BY t.created_at, t.id`,
      [`${orderId.replace(/[\\%_]/g, "\\$&")}:%`]
    )
    return rows.map((r: any) => ({
      transaction_id: r.id as string,
      wallet_id: r.wallet_id as string,
      rule_id: (r.metadata?.rule_id ?? null) as string | null,
      note: r.note as string | null,
      currency_code: r.currency_code as string,
      amount: MathBN.convert(r.amount).toFixed(),
      remaining: MathBN.convert(r.remaining ?? 0).toFixed(),
      taken_back: MathBN.convert(r.taken_back).toFixed(),
      available_at: r.available_at ? new Date(r.available_at) : null,
      expires_at: r.expires_at ? new Date(r.expires_at) : null,
      expired_at: r.expired_at ? new Date(r.expired_at) : null,
      created_at: new Date(r.created_at),
    }))
  }

  /**
   * Cashback a customer received per currency: order credits, less what was
   * taken back from them (reversals and clawbacks point at the credit).
   */
  async getCashbackReceived(
    customerId: string,
    sharedContext: Context
  ): Promise<{ currency_code: string; amount: string }[]> {
    const rows = await sql(sharedContext).execute(
      `SELECT w.currency_code,
         (coalesce(sum(t.amount), 0) + coalesce(sum((
           SELECT sum(r.amount) FROM loyalty_wallet_transaction r
           WHERE r.reverses_id = t.id AND r.deleted_at IS NULL)), 0))::text AS amount
       FROM loyalty_wallet_transaction t
       JOIN loyalty_wallet w ON w.id = t.wallet_id AND w.deleted_at IS NULL
       WHERE w.customer_id = ? AND t.type = 'credit' AND t.reference = 'order' AND t.deleted_at IS NULL
       GROUP BY w.currency_code ORDER BY w.currency_code`,
      [customerId]
    )
    return rows.map((r: any) => ({ currency_code: r.currency_code, amount: MathBN.convert(r.amount).toFixed() }))
  }
}
