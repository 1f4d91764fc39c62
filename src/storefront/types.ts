// The answers of the plugin's store routes, as a storefront reads them.
// Amounts are exact decimal strings (IRR has no decimals, USD has two):
// never turn them into JS numbers.

export type Money = string

export type WalletBalance = {
  available: Money
  pending: Money
  expiring_soon: Money
  expiring_within_days: number
  next_expiry_at: string | null
}

export type Wallet = {
  id: string
  customer_id: string
  currency_code: string
  status: "active" | "frozen" | string
  created_at: string
  balance: WalletBalance
}

export type WalletTransactionKind =
  | "cashback"
  | "cashback_taken_back"
  | "order_payment"
  | "order_credit_returned"
  | "checkout_credit_returned"
  | "order_refund"
  | "store_payment"
  | "welcome_bonus"
  | "shop_credit"
  | "feedback_gift"
  | "shop_debit"
  | "expired"
  | "correction"
  | "transfer_sent"
  | "transfer_received"
  | "transfer_returned"

export type WalletTransaction = {
  id: string
  kind: WalletTransactionKind | string
  description: string
  amount: Money
  order_display_id: number | null
  created_at: string
  available_at: string | null
  waits_for_fulfilment: boolean
  expires_at: string | null
}

export type Page<K extends string, T> = { [key in K]: T[] } & { count: number; offset: number; limit: number }

/** What decided the credit put on a cart (null: the amount asked for fit). */
export type CreditLimit = "balance" | "cart_total" | "items_only" | "max_share" | "min_balance" | null

export type LoyaltyCredit = {
  applied: Money
  requested: Money | null
  available: Money
  limit: CreditLimit
  currency_code: string
}

export type CashbackRelease = "placed" | "hold" | "fulfilled" | string

export type CashbackPreview = {
  currency_code: string
  total: Money
  rules: { rule_id: string; name: string; amount: Money; release: CashbackRelease; hold_days: number | null; expires_after_days: number | null }[]
}

export type CashbackState = "pending" | "available" | "spent" | "expired" | "partly_reversed" | "reversed" | string

export type OrderCashback = {
  order_id: string
  order_display_id: number
  currency_code: string
  total: Money
  taken_back: Money
  cashback: {
    rule: { name: string } | null
    amount: Money
    taken_back: Money
    remaining: Money
    state: CashbackState
    available_at: string | null
    waits_for_fulfilment: boolean
    expires_at: string | null
    created_at: string
  }[]
}

export type TierBrief = {
  id: string
  name: string
  rank: number
  cashback_rate: string | null
  cashback_multiplier: string | null
}

export type TierProgress = {
  tier_id: string
  window_starts_at: string | null
  window_ends_at: string | null
  spend: Money
  orders: number
  spend_needed: Money | null
  orders_needed: number | null
}

export type CustomerTier = {
  customer_id: string
  tier: TierBrief | null
  pinned: boolean
  achieved_at: string | null
  grace_ends_at: string | null
  qualifies_for: TierBrief | null
  currency_code: string | null
  current: TierProgress | null
  next_tier: (TierBrief & TierProgress) | null
}

export type ClubCard = {
  customer_id: string
  purchases: number
  total_spend: { currency_code: string; amount: Money }[]
  cashback_received: { currency_code: string; amount: Money }[]
  balances: { currency_code: string; available: Money }[]
  tier: { id: string; name: string } | null
  last_visit: string | null
  channels: string[]
}

export type SmsPreference = {
  opted_out: boolean
  /** Promotional messages only (campaigns); service messages still come. */
  promotions_opted_out?: boolean
  locale: "fa" | "en" | string | null
}

export type BirthdayInput = { calendar: "jalali" | "gregorian"; month: number; day: number }
export type Birthday = BirthdayInput & { set_by: string; changed_at: string }

export type Gift = {
  id: string
  type: "code" | "credit"
  occasion: string | null
  code: string | null
  discount: { discount_type: "percentage" | "fixed"; value: string; currency_code: string | null; max_discount: Record<string, string> | null } | null
  amount: Money | null
  currency_code: string | null
  state: "available" | "used" | "expired" | "disabled" | string
  expires_at: string | null
  created_at: string
}

export type Transfer = {
  id: string
  direction: "sent" | "received"
  amount: Money
  currency_code: string
  status: "pending" | "claimed" | "returned" | string
  message: string | null
  phone?: string | null
  sender_name?: string | null
  recipient_name?: string | null
  claim_expires_at: string | null
  credit_expires_at: string | null
  claimed_at: string | null
  returned_at: string | null
  created_at: string
}

export type ReferralProgram = {
  friend_gift_type: "code" | "credit" | "none" | string
  friend_credit: Record<string, Money> | null
  min_order_amount: Record<string, Money> | null
  referrer_credit: Record<string, Money> | null
  hold_days: number
  referrer_percent: string | null
  referrer_orders: number | null
}

export type ReferralMe = {
  enabled: boolean
  code: string
  link: string
  program: ReferralProgram
  stats: {
    invited: number
    joined: number
    ordered: number
    rewarded: number
    pending: { amount: Money; currency_code: string }[]
    earned: { amount: Money; currency_code: string }[]
  }
  referred_by: { code: string; status: string } | null
}

export type Referral = {
  id: string
  status: string
  channel: string
  created_at: string
  friend: { first_name: string | null; masked_phone: string | null }
  reward: unknown
  available_at: string | null
}

export type Interest = { category_id: string; handle: string; name: string }

export type Feedback = { order_id: string; rating: number; comment: string | null; answered_at: string }
