import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { progressTo, qualifiedTier, shopperTierName, TierDefinition } from "../../utils/tiers"
import { loadTierStats, loadTiers } from "../../workflows/tiers/tier-stats"
import { LoyaltyErrorCode } from "../../utils/error-codes"

const MONEY_FIELDS = ["min_spend", "cashback_rate", "cashback_multiplier"] as const

/** A tier as the API shows it: amounts and rates as exact decimal strings. */
export function formatTier(tier: Record<string, any>, members?: number) {
  const out: Record<string, any> = { ...tier }
  for (const field of MONEY_FIELDS) {
    const source = tier[`raw_${field}`] ?? tier[field]
    out[field] = source != null ? MathBN.convert(source).toFixed() : null
    delete out[`raw_${field}`]
  }
  if (members !== undefined) {
    out.member_count = members
  }
  return out
}

/** The shop's tiers by rank, each with its member count. */
export async function fetchTiers(container: MedusaContainer, filters: Record<string, unknown> = {}) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const [tiers, members] = await Promise.all([
    service.listTiers(filters, { order: { rank: "ASC" } }),
    service.countTierMembers(),
  ])
  return tiers.map((t: any) => formatTier(t, members[t.id] ?? 0))
}

export async function fetchTier(container: MedusaContainer, id: string) {
  const [tier] = await fetchTiers(container, { id })
  if (!tier) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier with id: ${id} was not found`, LoyaltyErrorCode.TIER_NOT_FOUND)
  }
  return tier
}

// A tier in a customer's view: for a shopper (`language`) named in their
// language; for the admin the shop's name with the shopper names beside.
const brief = (t: TierDefinition | undefined | null, language?: string) =>
  t
    ? {
        id: t.id,
        name: language ? shopperTierName(t, language) : t.name,
        ...(language ? {} : { names: t.names ?? null }),
        rank: t.rank,
        cashback_rate: t.cashback_rate ?? null,
        cashback_multiplier: t.cashback_multiplier ?? null,
      }
    : null

/**
 * A customer's place in the club: their tier, whether it is pinned, the
 * grace period they are in, their progress (in the current tier's window
 * and towards the next tier) and, for the admin, the history. `language`:
 * the view is the shopper's, tiers named as they read them.
 */
export async function customerTierView(
  container: MedusaContainer,
  customerId: string,
  options: { history?: boolean; now?: Date; language?: string } = {}
) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const now = options.now ?? new Date()
  const tiers = await loadTiers(container)
  const [[state], stats, settings] = await Promise.all([
    service.listCustomerTierStates([customerId]),
    loadTierStats(container, tiers, now, [customerId]),
    service.retrieveSettings(),
  ])
  const byId = new Map(tiers.map((t) => [t.id, t]))
  const current = state?.tier_id ? byId.get(state.tier_id) ?? null : null
  const customerStats = stats.get(customerId)
  const next = tiers.find((t) => t.rank > (current?.rank ?? -Infinity)) ?? null
  const qualified = qualifiedTier(tiers, customerStats)
  const view: Record<string, any> = {
    customer_id: customerId,
    tier: brief(current, options.language),
    pinned: state?.pinned ?? false,
    pin_note: state?.pin_note ?? null,
    achieved_at: state?.achieved_at ?? null,
    // Below the tier since this evaluation; moved down when the grace ends.
    grace_ends_at:
      state?.below_since && !state.pinned
        ? new Date(state.below_since.getTime() + settings.tier_grace_days * 86400000)
        : null,
    qualifies_for: brief(qualified, options.language),
    currency_code: tiers[0]?.currency_code ?? null,
    current: current ? progressTo(current, customerStats, now) : null,
    next_tier: next ? { ...brief(next, options.language), ...progressTo(next, customerStats, now) } : null,
  }
  if (options.history) {
    const history = await service.listTierHistories(
      { customer_id: customerId },
      { order: { created_at: "DESC" }, take: 50, withDeleted: false }
    )
    const names = new Map(
      (await service.listTiers({ id: history.flatMap((h) => [h.from_tier_id, h.to_tier_id]).filter(Boolean) as string[] }, { withDeleted: true })).map(
        (t) => [t.id, t.name]
      )
    )
    view.history = history.map((h) => ({
      id: h.id,
      from_tier_id: h.from_tier_id,
      from_tier_name: h.from_tier_id ? names.get(h.from_tier_id) ?? null : null,
      to_tier_id: h.to_tier_id,
      to_tier_name: h.to_tier_id ? names.get(h.to_tier_id) ?? null : null,
      reason: h.reason,
      order_id: h.order_id,
      note: h.note,
      actor_id: h.actor_id,
      created_at: h.created_at,
    }))
  }
  return view
}
