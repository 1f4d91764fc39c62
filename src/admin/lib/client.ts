// The shapes of the plugin's admin API answers and bodies. Requests go
// through lib/api.ts; formatting through lib/format.ts.

export type WalletBalance = {
  available: string
  pending: string
  expiring_soon: string
  expiring_within_days: number
  next_expiry_at: string | null
}

export type Wallet = {
  id: string
  customer_id: string
  currency_code: string
  status: "active" | "frozen"
  balance: WalletBalance
}

export type WalletTransaction = {
  id: string
  type: "credit" | "debit" | "expiry" | "reversal" | "adjustment"
  amount: string
  note: string | null
  reference: string
  reference_id: string
  created_at: string
}

export type CashbackRuleScope = {
  product_ids?: string[] | null
  category_ids?: string[] | null
  collection_ids?: string[] | null
  type_ids?: string[] | null
  tag_ids?: string[] | null
  exclude_product_ids?: string[] | null
  exclude_category_ids?: string[] | null
  exclude_collection_ids?: string[] | null
  exclude_type_ids?: string[] | null
  exclude_tag_ids?: string[] | null
}

export type CashbackRuleMultiplier = {
  value: string
  starts_at?: string | null
  ends_at?: string | null
}

export type CashbackRuleUsage = {
  orders: number
  amounts: { currency_code: string; awarded: string; taken_back: string }[]
}

export type CashbackRule = {
  id: string
  /** The shop's name for the rule; shoppers read it unless `names` has their language. */
  name: string
  /** The names shoppers read per language (the store, an order's cashback). */
  names: { fa?: string; en?: string } | null
  description: string | null
  is_active: boolean
  priority: number
  currency_code: string | null
  type: "percent" | "fixed"
  value: string
  min_subtotal: string | null
  max_amount: string | null
  expires_after_days: number | null
  release: "placed" | "fulfilled" | "hold"
  hold_days: number | null
  scope: CashbackRuleScope | null
  customer_group_ids: string[] | null
  min_previous_orders: number | null
  tier_ids: string[] | null
  /** Saved segments: the customer must be in one of them now; null: anyone. */
  segment_ids?: string[] | null
  /** Percent rules: pay the customer's tier rate instead of `value`. */
  use_tier_rate: boolean
  /** Multiply by the customer's tier multiplier. */
  use_tier_multiplier: boolean
  sales_channel_ids: string[] | null
  starts_at: string | null
  ends_at: string | null
  multiplier: CashbackRuleMultiplier | null
  combination: "best" | "stack"
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
  usage?: CashbackRuleUsage
}

/** The body of POST /admin/loyalty/cashback-rules(/:id): amounts as strings. */
export type CashbackRuleInput = Omit<
  CashbackRule,
  "id" | "created_at" | "updated_at" | "usage" | "metadata"
>

export type ClawbackStrategy = "partial" | "force_negative" | "skip"

export type LoyaltySettings = {
  clawback_strategy: ClawbackStrategy
  include_credit_paid: boolean
  credit_pays_shipping: boolean
  max_credit_share: number | null
  min_redeem_balance: Record<string, string> | null
  auto_apply: boolean
  /** Days a customer keeps a tier after falling below it. */
  tier_grace_days: number
  /** Which messages are sent; a missing event means its default. */
  sms_events: Partial<Record<MessageEvent, boolean>> | null
  /** Days before credit expires to remind; null = [7, 3, 1]. */
  reminder_days: number[] | null
  /** "HH:MM" in `time_zone`; equal start and end: no quiet hours. */
  quiet_hours_start: string
  quiet_hours_end: string
  /** IANA, e.g. Asia/Tehran. */
  time_zone: string
  sender_line: string | null
  /** null: the Medusa store's name. */
  store_name: string | null
  default_locale: MessageLocale
  money_display: "toman" | "rial"
  /** Kept for older stores: the win-back occasion's days are the truth now. */
  win_back_days?: number
  /** Kiosk sign-up: credit for joining, per currency. */
  signup_bonus: Record<string, string> | null
  /** Till: spending a member's credit needs the code texted to them. */
  pos_redeem_requires_code: boolean
  /** Till and Register purchase: the largest purchase per currency; null: the defaults. */
  pos_max_purchase: Record<string, string> | null
  /** Kiosk sign-up: ISO alpha-2 codes; null: the default region's (else IR). */
  signup_countries: string[] | null
  /** Kiosk sign-up: codes per hour, shop-wide. */
  signup_hourly_cap: number
  /** Kiosk sign-up: codes per client address in ten minutes. */
  signup_per_address_limit: number
  /** Kiosk sign-up: read the client address from one proxy's X-Forwarded-For. */
  signup_behind_proxy: boolean
  /** Receipts: days a receipt link stays valid. */
  receipt_link_days: number
  /** Receipts: text the receipt link after online orders too. */
  receipt_sms_online: boolean
  /** Feedback: ratings at or below this are low. */
  feedback_low_rating: number
  /** Feedback: credit for a low rating, per currency; null = none. */
  feedback_apology_credit: Record<string, string> | null
  /** Transfers: members may send credit to a phone. */
  transfers_enabled: boolean
  /** Transfers: days to claim before the credit returns. */
  transfer_claim_days: number
  /** Transfers: the largest single transfer per currency; left out: no limit. */
  transfer_max_amount: Record<string, string> | null
  /** Transfers: the most a member may send per shop day, per currency; left out: no limit. */
  transfer_daily_limit: Record<string, string> | null
  /** Transfers: transfers a member may send per shop day. */
  transfer_daily_count: number
  /** Promotional SMS: the opt-out line per language; null or a language left out: the gateway's default. */
  sms_opt_out_line?: Partial<Record<MessageLocale, string>> | null
  /** Campaign cost estimates: the price of one SMS part per gateway. */
  sms_part_prices?: Record<string, { amount: string; currency_code: string }> | null
}

export type MessageEvent =
  | "cashback_credited"
  | "credit_redeemed"
  | "expiry_reminder"
  | "tier_upgraded"
  | "balance_statement"
  | "win_back"
  | "welcome"
  | "receipt"
  | "transfer_received"
  | "transfer_returned"
  | "birthday"
  | "membership_anniversary"
  | "first_order_anniversary"
  | "nowruz"
  | "yalda"
  | "first_order"
  | "referral_welcome"
  | "referral_pending"
  | "referral_rewarded"

export type MessageLocale = "fa" | "en"

export type MessageTemplate = {
  event: MessageEvent
  locale: MessageLocale
  /** The wording in use: the shop's or the shipped one. */
  body: string
  default_body: string
  is_default: boolean
  /** The approved template (pattern) id at the SMS gateway, if any. */
  gateway_template: string | null
  variables: string[]
}

export type MessageStatus = "queued" | "sending" | "sent" | "failed" | "skipped"

export type LoyaltyMessage = {
  id: string
  event: MessageEvent
  locale: MessageLocale
  phone: string | null
  body: string
  status: MessageStatus
  /** Why it was skipped or failed: `opted_out`, `no_phone`, ... or the gateway's error. */
  reason: string | null
  send_after: string
  sent_at: string | null
  attempts: number
  created_at: string
}

export type SmsPreference = {
  opted_out: boolean
  locale: MessageLocale | null
}

export type TierWindow = "rolling" | "calendar_year" | "jalali_year" | "lifetime"

/** The names shoppers read, per language; `name` when one is missing. */
export type TierNames = { fa?: string; en?: string } | null

export type Tier = {
  id: string
  name: string
  names: TierNames
  description: string | null
  rank: number
  currency_code: string
  /** Decimal string in the tier's currency. */
  min_spend: string | null
  min_orders: number | null
  qualification_window: TierWindow
  window_days: number | null
  /** Percent, as a decimal string. */
  cashback_rate: string | null
  cashback_multiplier: string | null
  metadata: Record<string, unknown> | null
  member_count: number
  created_at: string
  updated_at: string
}

/** The body of POST /admin/loyalty/tiers(/:id). */
export type TierInput = Pick<
  Tier,
  | "name"
  | "names"
  | "description"
  | "rank"
  | "currency_code"
  | "min_spend"
  | "min_orders"
  | "qualification_window"
  | "window_days"
  | "cashback_rate"
  | "cashback_multiplier"
>

export type TierBrief = Pick<
  Tier,
  "id" | "name" | "rank" | "cashback_rate" | "cashback_multiplier"
> &
  Partial<Pick<Tier, "names">>

export type TierProgress = {
  tier_id: string
  window_starts_at: string | null
  window_ends_at: string | null
  spend: string
  orders: number
  spend_needed: string | null
  orders_needed: number | null
}

export type TierHistoryReason =
  "order" | "evaluation" | "pin" | "unpin" | "tier_deleted"

export type TierHistoryEntry = {
  id: string
  from_tier_id: string | null
  from_tier_name: string | null
  to_tier_id: string | null
  to_tier_name: string | null
  reason: TierHistoryReason
  order_id: string | null
  note: string | null
  actor_id: string | null
  created_at: string
}

export type CustomerTier = {
  customer_id: string
  tier: TierBrief | null
  pinned: boolean
  pin_note: string | null
  achieved_at: string | null
  grace_ends_at: string | null
  qualifies_for: TierBrief | null
  currency_code: string | null
  current: TierProgress | null
  next_tier: (TierBrief & TierProgress) | null
  history: TierHistoryEntry[]
}

export type OrderCashbackState =
  "pending" | "available" | "spent" | "expired" | "partly_reversed" | "reversed"

export type OrderCashbackEntry = {
  transaction_id: string
  rule: { id: string; name: string | null } | null
  amount: string
  remaining: string
  taken_back: string
  state: OrderCashbackState
  available_at: string | null
  expires_at: string | null
  waits_for_fulfilment: boolean
}

export type OrderCashback = {
  order_id: string
  currency_code: string | null
  /** What wallet credit paid for the order. */
  credit_paid: string
  total: string
  taken_back: string
  cashback: OrderCashbackEntry[]
}

export type PosScope = "lookup" | "earn" | "redeem"

export type PosKey = {
  id: string
  name: string
  location: string
  scopes: PosScope[]
  /** The key's first characters, to tell keys apart; never the key. */
  key_prefix: string
  revoked_at: string | null
  last_used_at: string | null
  created_by: string | null
  created_at: string
}

export type CurrencyAmount = { currency_code: string; amount: string }

export type ClubCard = {
  customer_id: string
  /** Orders online and purchases in store, canceled ones left out. */
  purchases: number
  total_spend: CurrencyAmount[]
  cashback_received: CurrencyAmount[]
  balances: { currency_code: string; available: string }[]
  tier: { id: string; name: string } | null
  last_visit: string | null
  /** Sales channel names, e.g. "Default Sales Channel", "In-store". */
  channels: string[]
}

export type RegisteredPurchase = {
  purchase: {
    receipt_id: string
    order_id: string
    customer_id: string
    new_member: boolean
  }
  cashback: {
    amount: string
    available_at: string | null
    note: string | null
    /** The rule that paid it: the shop's name, and the names shoppers read. */
    rule: { id: string; name: string | null; names?: { fa?: string; en?: string } | null } | null
  }[]
  club_card: ClubCard
}

/**
 * Adds exact decimal strings ("1500.5" + "20") without going through a
 * float: amounts in rial run past what a double holds exactly.
 */
export function sumDecimals(values: string[]) {
  let scale = 0
  for (const v of values) {
    scale = Math.max(scale, (v.split(".")[1] ?? "").length)
  }
  const total = values.reduce((sum, v) => {
    const negative = v.trim().startsWith("-")
    const [whole, fraction = ""] = v.trim().replace(/^[-+]/, "").split(".")
    const units = BigInt((whole || "0") + fraction.padEnd(scale, "0"))
    return sum + (negative ? -units : units)
  }, BigInt(0))
  const negative = total < BigInt(0)
  const digits = (negative ? -total : total).toString().padStart(scale + 1, "0")
  const whole = digits.slice(0, digits.length - scale)
  const fraction = scale ? digits.slice(digits.length - scale).replace(/0+$/, "") : ""
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`
}

