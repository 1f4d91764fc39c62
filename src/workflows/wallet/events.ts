export const LoyaltyWalletEvents = {
  CREDITED: "loyalty.wallet.credited",
  DEBITED: "loyalty.wallet.debited",
  REVERSED: "loyalty.wallet.reversed",
  FROZEN: "loyalty.wallet.frozen",
  UNFROZEN: "loyalty.wallet.unfrozen",
} as const
