import { MedusaError } from "@medusajs/framework/utils"

/**
 * The stable codes of the errors an admin can meet on our routes. Medusa's
 * error handler returns an error's `code` in the JSON body for INVALID_DATA
 * and NOT_ALLOWED (400), NOT_FOUND (404) and UNAUTHORIZED (401); the admin
 * translates the code (src/admin/i18n/locales/<lang>/errors.json), while the
 * English message stays the API's own words. CONFLICT (409) and
 * DUPLICATE_ERROR (422) lose their code in the handler: the admin reads any
 * 409 as "changed meanwhile, try again"; the till and transfer routes
 * answer their 409s themselves, with the code (api/utils/pos.ts). Where an
 * error is about one request field, the code names the field
 * (`loyalty_<field>_...`).
 *
 * Codes are never renamed: a storefront or script may match them.
 */
export const LoyaltyErrorCode = {
  /** A request body or query of the wrong shape (Medusa's own validation). */
  INVALID_REQUEST: "loyalty_invalid_request",

  // Wallets and their ledger
  WALLET_NOT_FOUND: "loyalty_wallet_not_found",
  WALLET_FROZEN: "loyalty_wallet_frozen",
  INSUFFICIENT_BALANCE: "loyalty_insufficient_balance",
  AMOUNT_INVALID: "loyalty_amount_invalid",
  EXPIRES_AT_INVALID: "loyalty_expires_at_invalid",
  CURRENCY_UNKNOWN: "loyalty_currency_unknown",
  CUSTOMER_NOT_FOUND: "loyalty_customer_not_found",
  CUSTOMER_HAS_NO_WALLET: "loyalty_customer_has_no_wallet",
  REASON_REQUIRED: "loyalty_reason_required",
  REASON_TOO_LONG: "loyalty_reason_too_long",

  // Orders: refund to the wallet
  ORDER_NOT_FOUND: "loyalty_order_not_found",
  ORDER_HAS_NO_CUSTOMER: "loyalty_order_has_no_customer",
  REFUND_OVER_REFUNDABLE: "loyalty_refund_over_refundable",

  // Tiers and customers' tiers
  TIER_NOT_FOUND: "loyalty_tier_not_found",
  TIER_ID_INVALID: "loyalty_tier_id_invalid",
  TIER_NAMES_INVALID: "loyalty_tier_names_invalid",
  TIER_THRESHOLD_REQUIRED: "loyalty_tier_threshold_required",
  TIER_CURRENCY_MISMATCH: "loyalty_tier_currency_mismatch",
  TIER_RANK_TAKEN: "loyalty_tier_rank_taken",
  TIER_MIN_SPEND_BELOW_LOWER: "loyalty_tier_min_spend_below_lower",
  TIER_MIN_ORDERS_BELOW_LOWER: "loyalty_tier_min_orders_below_lower",
  TIER_THRESHOLDS_OVERLAP: "loyalty_tier_thresholds_overlap",
  MIN_SPEND_INVALID: "loyalty_min_spend_invalid",
  MIN_ORDERS_INVALID: "loyalty_min_orders_invalid",
  WINDOW_DAYS_REQUIRED: "loyalty_window_days_required",
  WINDOW_DAYS_NOT_USED: "loyalty_window_days_not_used",
  CASHBACK_RATE_INVALID: "loyalty_cashback_rate_invalid",
  CASHBACK_MULTIPLIER_INVALID: "loyalty_cashback_multiplier_invalid",

  // Cashback rules
  RULE_NOT_FOUND: "loyalty_rule_not_found",
  RULE_NAMES_INVALID: "loyalty_rule_names_invalid",
  VALUE_INVALID: "loyalty_value_invalid",
  MIN_SUBTOTAL_INVALID: "loyalty_min_subtotal_invalid",
  MAX_AMOUNT_INVALID: "loyalty_max_amount_invalid",
  CURRENCY_REQUIRED_FOR_FIXED: "loyalty_currency_required_for_fixed",
  CURRENCY_REQUIRED_FOR_LIMITS: "loyalty_currency_required_for_limits",
  HOLD_DAYS_REQUIRED: "loyalty_hold_days_required",
  HOLD_DAYS_NOT_USED: "loyalty_hold_days_not_used",
  ENDS_BEFORE_STARTS: "loyalty_ends_before_starts",
  TIER_RATE_PERCENT_ONLY: "loyalty_tier_rate_percent_only",
  MULTIPLIER_INVALID: "loyalty_multiplier_invalid",
  MULTIPLIER_ENDS_BEFORE_STARTS: "loyalty_multiplier_ends_before_starts",
  UNKNOWN_PRODUCTS: "loyalty_unknown_products",
  UNKNOWN_CATEGORIES: "loyalty_unknown_categories",
  UNKNOWN_COLLECTIONS: "loyalty_unknown_collections",
  UNKNOWN_TYPES: "loyalty_unknown_types",
  UNKNOWN_TAGS: "loyalty_unknown_tags",
  UNKNOWN_CUSTOMER_GROUPS: "loyalty_unknown_customer_groups",
  UNKNOWN_SALES_CHANNELS: "loyalty_unknown_sales_channels",
  UNKNOWN_TIERS: "loyalty_unknown_tiers",

  // Settings
  MIN_REDEEM_BALANCE_INVALID: "loyalty_min_redeem_balance_invalid",
  SIGNUP_BONUS_INVALID: "loyalty_signup_bonus_invalid",
  POS_MAX_PURCHASE_INVALID: "loyalty_pos_max_purchase_invalid",
  FEEDBACK_APOLOGY_CREDIT_INVALID: "loyalty_feedback_apology_credit_invalid",
  TRANSFER_MAX_AMOUNT_INVALID: "loyalty_transfer_max_amount_invalid",
  TRANSFER_DAILY_LIMIT_INVALID: "loyalty_transfer_daily_limit_invalid",

  // SMS
  BALANCE_STATEMENT_OFF: "loyalty_balance_statement_off",
  TEMPLATE_BODY_EMPTY: "loyalty_template_body_empty",
  TEMPLATE_VARIABLE_UNKNOWN: "loyalty_template_variable_unknown",

  // Till keys and in-store purchases
  POS_KEY_NOT_FOUND: "loyalty_pos_key_not_found",
  PHONE_INVALID: "loyalty_phone_invalid",
  AMOUNT_OVER_MAX_PURCHASE: "loyalty_amount_over_max_purchase",
  CURRENCY_HAS_NO_REGION: "loyalty_currency_has_no_region",
  RECEIPT_MISMATCH: "loyalty_receipt_mismatch",
  RECEIPT_IN_PROGRESS: "loyalty_receipt_in_progress",
  TILL_BUSY: "loyalty_till_busy",

  // Credit transfers
  TRANSFERS_DISABLED: "loyalty_transfers_disabled",
  IDEMPOTENCY_KEY_REQUIRED: "loyalty_idempotency_key_required",
  TRANSFER_KEY_MISMATCH: "loyalty_transfer_key_mismatch",
  TRANSFER_OVER_MAX_AMOUNT: "loyalty_transfer_over_max_amount",
  TRANSFER_DAILY_LIMIT: "loyalty_transfer_daily_limit",
  TRANSFER_DAILY_COUNT: "loyalty_transfer_daily_count",
  TRANSFER_OWN_PHONE: "loyalty_transfer_own_phone",
  TRANSFER_PHONE_NOT_SERVED: "loyalty_transfer_phone_not_served",
  TRANSFER_NOT_FOUND: "loyalty_transfer_not_found",
  TRANSFER_NOT_CLAIMABLE: "loyalty_transfer_not_claimable",
  TRANSFER_LINK_INVALID: "loyalty_transfer_link_invalid",
  TRANSFER_CODE_REQUIRED: "loyalty_transfer_code_required",
  TRANSFER_BUSY: "loyalty_transfer_busy",

  // Feedback after a purchase
  RATING_INVALID: "loyalty_rating_invalid",
  COMMENT_TOO_LONG: "loyalty_comment_too_long",
  ORDER_CANCELED: "loyalty_order_canceled",

  // Discount codes and occasions
  CODE_BATCH_NOT_FOUND: "loyalty_code_batch_not_found",
  CODE_BATCH_DISABLED: "loyalty_code_batch_disabled",
  CODE_BATCH_NOT_READY: "loyalty_code_batch_not_ready",
  CODE_BATCH_NOT_PERSONAL: "loyalty_code_batch_not_personal",
  CODE_QUANTITY_INVALID: "loyalty_quantity_invalid",
  CODE_PREFIX_INVALID: "loyalty_prefix_invalid",
  MAX_DISCOUNT_INVALID: "loyalty_max_discount_invalid",
  MIN_BASKET_INVALID: "loyalty_min_basket_invalid",
  CODE_NOT_FOUND: "loyalty_code_not_found",
  CODE_LOGIN_REQUIRED: "loyalty_code_login_required",
  CODE_NOT_YOURS: "loyalty_code_not_yours",
  CODE_NOT_FOR_GROUP: "loyalty_code_not_for_group",
  CODE_EXPIRED: "loyalty_code_expired",
  CODE_NOT_STARTED: "loyalty_code_not_started",
  CODE_USED: "loyalty_code_used",
  CODE_DISABLED: "loyalty_code_disabled",
  CODE_WRONG_CURRENCY: "loyalty_code_wrong_currency",
  CODE_MIN_BASKET: "loyalty_code_min_basket",
  CODE_DISCOUNT_CORRECTED: "loyalty_code_discount_corrected",
  BIRTHDAY_INVALID: "loyalty_birthday_invalid",
  OCCASION_NOT_FOUND: "loyalty_occasion_not_found",
  OCCASION_GIFT_INVALID: "loyalty_occasion_gift_invalid",
  CREDIT_AMOUNT_INVALID: "loyalty_credit_amount_invalid",

  // Referrals
  REFERRAL_CODE_UNKNOWN: "loyalty_referral_code_unknown",
  REFERRAL_PROGRAM_OFF: "loyalty_referral_program_off",
  REFERRAL_ALREADY_CLAIMED: "loyalty_referral_already_claimed",
  REFERRAL_PHONE_REQUIRED: "loyalty_referral_phone_required",
  REFERRAL_NOT_FOUND: "loyalty_referral_not_found",
  REFERRAL_NOT_HELD: "loyalty_referral_not_held",
  REFERRAL_BATCH_INVALID: "loyalty_referral_batch_invalid",
  FRIEND_CREDIT_INVALID: "loyalty_friend_credit_invalid",
  REFERRER_CREDIT_INVALID: "loyalty_referrer_credit_invalid",
  MIN_ORDER_AMOUNT_INVALID: "loyalty_min_order_amount_invalid",
  REFERRER_PERCENT_INVALID: "loyalty_referrer_percent_invalid",
  SHARE_URL_INVALID: "loyalty_share_url_invalid",

  // Analytics
  ANALYTICS_PERIOD_INVALID: "loyalty_analytics_period_invalid",

  // Segments, campaigns, inbound SMS
  SEGMENT_INVALID: "loyalty_segment_invalid",
  SEGMENT_NOT_FOUND: "loyalty_segment_not_found",
  SEGMENT_IN_USE: "loyalty_segment_in_use",
  SEGMENT_IDS_INVALID: "loyalty_segment_ids_invalid",
  CAMPAIGN_NOT_FOUND: "loyalty_campaign_not_found",
  CAMPAIGN_STATUS_INVALID: "loyalty_campaign_status_invalid",
  CAMPAIGN_BODY_INVALID: "loyalty_campaign_body_invalid",
  CAMPAIGN_GIFT_INVALID: "loyalty_campaign_gift_invalid",
  CAMPAIGN_SCHEDULE_INVALID: "loyalty_campaign_schedule_invalid",
  HOLDOUT_PERCENT_INVALID: "loyalty_holdout_percent_invalid",
  SMS_PART_PRICES_INVALID: "loyalty_sms_part_prices_invalid",
  SMS_OPT_OUT_LINE_INVALID: "loyalty_sms_opt_out_line_invalid",
  INBOUND_SIGNATURE_INVALID: "loyalty_inbound_signature_invalid",
  CODE_NOT_IN_SEGMENT: "loyalty_code_not_in_segment",
} as const

export type LoyaltyErrorCodeValue = (typeof LoyaltyErrorCode)[keyof typeof LoyaltyErrorCode]

/** Every code, for the translation files' test. */
export const LOYALTY_ERROR_CODES: readonly LoyaltyErrorCodeValue[] = Object.values(LoyaltyErrorCode)

/**
 * An error with its code, to throw: `throw loyaltyError(MedusaError.Types.NOT_FOUND,
 * "Wallet with id: lwal_1 was not found", LoyaltyErrorCode.WALLET_NOT_FOUND)`.
 */
export function loyaltyError(type: string, message: string, code: LoyaltyErrorCodeValue) {
  return new MedusaError(type, message, code)
}

// The code of each request field that takes an amount, a rate or a count,
// by the field's first segment ("multiplier.value", "pos_max_purchase.irr").
const FIELD_CODES: Record<string, LoyaltyErrorCodeValue> = {
  amount: LoyaltyErrorCode.AMOUNT_INVALID,
  value: LoyaltyErrorCode.VALUE_INVALID,
  min_subtotal: LoyaltyErrorCode.MIN_SUBTOTAL_INVALID,
  max_amount: LoyaltyErrorCode.MAX_AMOUNT_INVALID,
  multiplier: LoyaltyErrorCode.MULTIPLIER_INVALID,
  min_spend: LoyaltyErrorCode.MIN_SPEND_INVALID,
  min_orders: LoyaltyErrorCode.MIN_ORDERS_INVALID,
  cashback_rate: LoyaltyErrorCode.CASHBACK_RATE_INVALID,
  cashback_multiplier: LoyaltyErrorCode.CASHBACK_MULTIPLIER_INVALID,
  min_redeem_balance: LoyaltyErrorCode.MIN_REDEEM_BALANCE_INVALID,
  signup_bonus: LoyaltyErrorCode.SIGNUP_BONUS_INVALID,
  pos_max_purchase: LoyaltyErrorCode.POS_MAX_PURCHASE_INVALID,
  feedback_apology_credit: LoyaltyErrorCode.FEEDBACK_APOLOGY_CREDIT_INVALID,
  transfer_max_amount: LoyaltyErrorCode.TRANSFER_MAX_AMOUNT_INVALID,
  transfer_daily_limit: LoyaltyErrorCode.TRANSFER_DAILY_LIMIT_INVALID,
  expires_at: LoyaltyErrorCode.EXPIRES_AT_INVALID,
  quantity: LoyaltyErrorCode.CODE_QUANTITY_INVALID,
  prefix: LoyaltyErrorCode.CODE_PREFIX_INVALID,
  max_discount: LoyaltyErrorCode.MAX_DISCOUNT_INVALID,
  min_basket: LoyaltyErrorCode.MIN_BASKET_INVALID,
  credit_amount: LoyaltyErrorCode.CREDIT_AMOUNT_INVALID,
  friend_credit: LoyaltyErrorCode.FRIEND_CREDIT_INVALID,
  referrer_credit: LoyaltyErrorCode.REFERRER_CREDIT_INVALID,
  min_order_amount: LoyaltyErrorCode.MIN_ORDER_AMOUNT_INVALID,
  referrer_percent: LoyaltyErrorCode.REFERRER_PERCENT_INVALID,
  share_url: LoyaltyErrorCode.SHARE_URL_INVALID,
  holdout_percent: LoyaltyErrorCode.HOLDOUT_PERCENT_INVALID,
  sms_part_prices: LoyaltyErrorCode.SMS_PART_PRICES_INVALID,
  sms_opt_out_line: LoyaltyErrorCode.SMS_OPT_OUT_LINE_INVALID,
  segment_ids: LoyaltyErrorCode.SEGMENT_IDS_INVALID,
}

/** The code of an invalid value in `field`; fields without one read as a bad request. */
export function fieldErrorCode(field: string): LoyaltyErrorCodeValue {
  return FIELD_CODES[field.split(".")[0]] ?? LoyaltyErrorCode.INVALID_REQUEST
}

/** INVALID_DATA about one request field, with that field's code. */
export function invalidField(field: string, message: string) {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message, fieldErrorCode(field))
}
