// medusa-plugin-loyalty-club/storefront: the club in any React storefront.
// Pure functions and the client work anywhere (server components, route
// handlers, tests); the hooks and components come from a "use client"
// module, so a server component can render them directly.
export { createLoyaltyClient } from "./client"
export type { LoyaltyClient, SdkLike } from "./client"
export {
  daysUntil,
  formatCount,
  formatDate,
  formatMoney,
  groupDigits,
  localDigits,
  parseShownMoney,
  rialToToman,
  sameAmount,
  timesTen,
  toLatinDigits,
  toPersianDigits,
} from "./format"
export type { DateStyle, FormatMoneyOptions, Locale, MoneyDisplay } from "./format"
export { directionOf, MESSAGES, separatorOf, translate } from "./messages"
export type { MessageKey, Messages } from "./messages"
export {
  addAmounts,
  compareAmounts,
  describeCashbackSplit,
  describePreviewRelease,
  explainCredit,
  splitOrderCashback,
  tierProgress,
} from "./explain"
export type { CashbackSplit, Explanation, TierProgressView } from "./explain"
export { loyaltyClubCss } from "./styles"
export {
  CashbackBadge,
  ClubCard,
  CreditSwitch,
  GiftList,
  LoyaltyProvider,
  LoyaltyStyles,
  Money,
  OrderCashbackSummary,
  PhoneSignUp,
  ProductCashbackBadge,
  ReferralWidget,
  SmsPreferences,
  TierProgress,
  useCartCashback,
  useCartCredit,
  useClubCard,
  useGifts,
  useLoyalty,
  useLoyaltyQuery,
  useOrderCashback,
  useProductCashback,
  useReferral,
  useTier,
  useWalletHistory,
  useWallets,
  WalletBalance,
  WalletHistory,
} from "./react"
export type { CreditSwitchProps, LoyaltyProviderProps, QueryState } from "./react"
export type * from "./types"
