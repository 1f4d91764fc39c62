import { BigNumberInput } from "@medusajs/framework/types"
import { RoundingMode } from "../../utils/money"

export type LoyaltyClubModuleOptions = {
  /** Credit expiring within this many days is shown as "expiring soon". */
  expiring_soon_days?: number
  /**
   * Days of life given back to credit that is returned to a wallet (a
   * reversed debit) after the lot it came from has expired.
   */
  restore_grace_days?: number
  /** How long a ledger write waits for a busy wallet before a 409. */
  lock_timeout_ms?: number
  /** Lots expired per statement by the expiry run. */
  expiry_batch_size?: number
}

export type WalletTransactionType =
  | "credit"
  | "debit"
  | "expiry"
  | "reversal"
  | "adjustment"

type LedgerWriteBase = {
  wallet_id: string
  /** Positive amount in the wallet's currency. */
  amount: BigNumberInput
  /** What caused the write, e.g. ("order", order_id); unique per wallet and type. */
  reference: string
  reference_id: string
  note?: string | null
  actor_type?: string | null
  actor_id?: string | null
  metadata?: Record<string, unknown> | null
  /**
   * Round the amount to the currency's precision with this mode. Without it,
   * an amount with more decimals than the currency allows is refused.
   */
  rounding?: RoundingMode
}

export type CreditWalletInput = LedgerWriteBase & {
  type?: "credit" | "adjustment"
  available_at?: Date | string | null
  expires_at?: Date | string | null
}

/** Give back part of a debit: `target` is the total to have given back so far. */
export type GiveBackDebitInput = {
  transaction_id: string
  target: BigNumberInput
  note?: string | null
  actor_type?: string | null
  actor_id?: string | null
  metadata?: Record<string, unknown> | null
}

/** A till receipt to claim: once per (location, receipt_id). */
export type PosReceiptClaim = {
  receipt_id: string
  customer_id: string
  phone?: string | null
  amount: string
  currency_code: string
  pos_key_id?: string | null
  location: string
  note?: string | null
}

export type DebitWalletInput = LedgerWriteBase & {
  type?: "debit" | "adjustment"
  /**
   * When the key was written before and that debit has since been reversed
   * (a failed checkout undone), write a new debit under the next key
   * (`<reference_id>#2`, ...) instead of returning the reversed one. A retried
   * checkout then pays again, and only once.
   */
  again_after_reversal?: boolean
}

export type ReverseWalletTransactionInput = {
  transaction_id: string
  note?: string | null
  actor_type?: string | null
  actor_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type WalletTransactionRow = {
  id: string
  wallet_id: string
  type: WalletTransactionType
  /** Signed: what the row added to (or took from) the wallet. */
  amount: string
  reference: string
  reference_id: string
  note: string | null
  actor_type: string | null
  actor_id: string | null
  reverses_id: string | null
  metadata: Record<string, any> | null
  created_at: Date
}

export type LedgerWriteResult = {
  transaction: WalletTransactionRow
  /** False when the same key had already been written: nothing changed. */
  created: boolean
}

export type WalletStatus = "active" | "frozen"

/** Why and by whom a wallet is frozen or unfrozen. */
export type WalletStatusChange = {
  reason?: string | null
  /** The admin user who changed it. */
  actor_id?: string | null
  /** Default: now. An undo writes back the previous moment. */
  at?: Date | null
}

/** A wallet's status with why, when and by whom it last changed. */
export type WalletStatusState = {
  status: WalletStatus
  status_reason: string | null
  status_changed_at: Date | null
  status_changed_by: string | null
}

export type WalletBalance = {
  available: string
  pending: string
  expiring_soon: string
  expiring_within_days: number
  next_expiry_at: Date | null
}

export type ClawbackStrategy = "partial" | "force_negative" | "skip"

export type LoyaltySettingsValues = {
  clawback_strategy: ClawbackStrategy
  include_credit_paid: boolean
  /** Checkout: credit may pay for shipping too. */
  credit_pays_shipping: boolean
  /** Checkout: the largest share (percent, 0-100) of an order credit may pay; null = no limit. */
  max_credit_share: number | null
  /** Checkout: minimum balance per currency before credit can be used. */
  min_redeem_balance: Record<string, string> | null
  /** Checkout: apply the most allowed credit to a logged-in shopper's cart. */
  auto_apply: boolean
  tier_grace_days: number
  sms_events: Record<string, boolean> | null
  reminder_days: number[] | null
  quiet_hours_start: string
  quiet_hours_end: string
  time_zone: string
  sender_line: string | null
  store_name: string | null
  default_locale: string
  money_display: "toman" | "rial"
  win_back_days: number
  signup_bonus: Record<string, string> | null
  /** Till: a redemption needs the member's one-time code (on for a new shop). */
  pos_redeem_requires_code: boolean
  /** Till and "register purchase": the largest purchase per currency; missing: the default. */
  pos_max_purchase: Record<string, string> | null
  /** Kiosk sign-up: allowed mobile countries (ISO alpha-2); null = the shop's. */
  signup_countries: string[] | null
  /** Kiosk sign-up: sign-up codes per hour, shop-wide. */
  signup_hourly_cap: number
  /** Kiosk sign-up: codes per client address in ten minutes. */
  signup_per_address_limit: number
  /** Kiosk sign-up: trust one proxy hop's X-Forwarded-For for the client address. */
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
  /** Promotional SMS end with this line per language; null or a language left out: the gateway's default. */
  sms_opt_out_line: { fa?: string | null; en?: string | null } | null
  /** What one SMS part costs per gateway, e.g. `{ kavenegar: { amount: "1200", currency_code: "irr" } }`. */
  sms_part_prices: Record<string, { amount: string; currency_code: string }> | null
}

export type ClawbackCreditInput = {
  /** The credit (e.g. an order's cashback) to take back from. */
  transaction_id: string
  /**
   * How much of the credit should be taken back in all, counting earlier
   * take-backs: a repeat with the same target changes nothing, a larger one
   * takes the difference. Capped at the credit's amount.
   */
  target: BigNumberInput
  strategy: ClawbackStrategy
  note?: string | null
  actor_type?: string | null
  actor_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type ClawbackResult = {
  /** The reversal written, or null when nothing more was due. */
  transaction: WalletTransactionRow | null
  created: boolean
  /** Taken from the wallet (including `debt`). */
  taken: string
  /** Due but not in the wallet (`partial`). */
  shortfall: string
  /** Due, spent, and let go (`skip`). */
  skipped: string
  /** Taken below zero (`force_negative`); later credit pays it off. */
  debt: string
}

export type CustomerTierRow = {
  customer_id: string
  tier_id: string | null
  pinned: boolean
  pin_note: string | null
  achieved_at: Date | null
  below_since: Date | null
}

export type TierChangeReason = "order" | "evaluation" | "pin" | "unpin" | "tier_deleted"

export type TierChange = {
  customer_id: string
  /** The tier the customer is expected to be in; the change is skipped otherwise. */
  from_tier_id: string | null
  to_tier_id: string | null
  reason: TierChangeReason
  order_id?: string | null
  note?: string | null
  actor_id?: string | null
  /** The state after the change: pinned (pin) or not (anything else). */
  pinned?: boolean
  at?: Date
}

export type QueueMessageInput = {
  /** Null for a phone that is not a member yet. */
  customer_id: string | null
  event: string
  locale: string
  phone?: string | null
  body: string
  gateway_template?: string | null
  template_params?: { name: string; value: string }[] | null
  idempotency_key: string
  /** `skipped` (with a reason) records a message that will not be sent. */
  status?: "queued" | "skipped"
  reason?: string | null
  send_after: Date
  data?: Record<string, unknown> | null
}

export type QueuedMessageRow = {
  id: string
  customer_id: string | null
  event: string
  locale: string
  phone: string | null
  body: string
  gateway_template: string | null
  template_params: { name: string; value: string }[] | null
  idempotency_key: string
  attempts: number
  failures: number
}

export type MessageResult = {
  id: string
  status: "sent" | "failed" | "skipped" | "queued"
  reason?: string | null
  notification_id?: string | null
  /** For a retry: not before this moment. */
  send_after?: Date | null
}
