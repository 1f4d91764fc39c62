import { TierChange } from "../../modules/loyalty-club/types"

export const LoyaltyTierEvents = {
  UPGRADED: "loyalty.tier.upgraded",
  DOWNGRADED: "loyalty.tier.downgraded",
} as const

/** What a tier event carries: the move, with its history row (`history_id`). */
export type TierEventData = {
  customer_id: string
  from_tier_id: string | null
  to_tier_id: string | null
  reason: TierChange["reason"]
  order_id: string | null
  history_id: string
}

export const tierEventPayload = (c: TierChange & { history_id: string }): TierEventData => ({
  customer_id: c.customer_id,
  from_tier_id: c.from_tier_id,
  to_tier_id: c.to_tier_id,
  reason: c.reason,
  order_id: c.order_id ?? null,
  history_id: c.history_id,
})
