import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { shopperTierName, TierNames } from "../../utils/tiers"
import { ORDER_SPEND_SQL } from "../../workflows/tiers/tier-stats"

/**
 * A customer's club card: purchases (online and in store; canceled ones
 * left out), total spend and cashback received per currency, balances,
 * tier, last visit, and the channels they bought through. With `language`
 * (the shopper's own card) the tier's name is the one shoppers read in it;
 * without (the admin) it is the shop's name, with the shopper names beside.
 */
export async function clubCard(
  container: MedusaContainer,
  customerId: string,
  options: { language?: string } = {}
) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [{ rows }, received, wallets, [state]] = await Promise.all([
    pg.raw(
      `SELECT o.currency_code, count(*)::int AS orders, sum(${ORDER_SPEND_SQL})::text AS spend,
         max(o.created_at) AS last_at, array_agg(DISTINCT o.sales_channel_id) AS channels
       FROM "order" o
       JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
       WHERE o.customer_id = ? AND o.deleted_at IS NULL AND o.is_draft_order = false
         AND o.status NOT IN ('canceled', 'draft')
       GROUP BY o.currency_code ORDER BY o.currency_code`,
      [customerId]
    ),
    service.getCashbackReceived(customerId),
    service.listWallets({ customer_id: customerId }),
    service.listCustomerTierStates([customerId]),
  ])
  const channelIds = Array.from(new Set(rows.flatMap((r: any) => r.channels ?? []).filter(Boolean))) as string[]
  const [{ data: channels }, balances, tiers] = await Promise.all([
    channelIds.length
      ? query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: channelIds } })
      : Promise.resolve({ data: [] as any[] }),
    service.getBalances(wallets.map((w) => w.id)),
    state?.tier_id ? service.listTiers({ id: state.tier_id }) : Promise.resolve([]),
  ])
  const last = rows.map((r: any) => new Date(r.last_at)).sort((a: Date, b: Date) => b.getTime() - a.getTime())[0]
  return {
    customer_id: customerId,
    purchases: rows.reduce((n: number, r: any) => n + r.orders, 0),
    total_spend: rows.map((r: any) => ({ currency_code: r.currency_code, amount: MathBN.convert(r.spend).toFixed() })),
    cashback_received: received,
    balances: wallets.map((w) => ({ currency_code: w.currency_code, available: balances[w.id]?.available ?? "0" })),
    tier: tiers[0] ? tierOnCard(tiers[0] as any, options.language) : null,
    last_visit: last ?? null,
    channels: (channels as any[]).map((c) => c.name).sort(),
  }
}

/** A tier on a card: the shopper's name in their language, or the shop's with the shopper names. */
export function tierOnCard(tier: { id: string; name: string; names?: TierNames | null }, language?: string) {
  return language
    ? { id: tier.id, name: shopperTierName(tier, language) }
    : { id: tier.id, name: tier.name, names: tier.names ?? null }
}
