export const LoyaltyCashbackEvents = {
  AWARDED: "loyalty.cashback.awarded",
  RELEASED: "loyalty.cashback.released",
  REVERSED: "loyalty.cashback.reversed",
} as const
