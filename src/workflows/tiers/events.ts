export const LoyaltyTierEvents = {
  UPGRADED: "loyalty.tier.upgraded",
  DOWNGRADED: "loyalty.tier.downgraded",
} as const
