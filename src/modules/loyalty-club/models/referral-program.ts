import { model } from "@medusajs/framework/utils"

/**
 * The shop's referral programme: one row, edited on the admin's Referrals
 * page. Amounts are per currency (`{ "irr": "500000" }`); a currency left
 * out gives nothing in it.
 */
const ReferralProgram = model.define(
  { name: "ReferralProgram", tableName: "loyalty_referral_program" },
  {
    id: model.id({ prefix: "lrfp" }).primaryKey(),
    /** Off: codes can still be read, but naming one is refused and nothing is paid. */
    enabled: model.boolean().default(false),
    /**
     * The friend's gift: `code`, a personal code from `friend_batch_id` issued
     * when the friend joins (the batch's minimum basket applies); `credit`,
     * `friend_credit` given on the friend's first qualifying order; `none`.
     */
    friend_gift_type: model.enum(["code", "credit", "none"]).default("none"),
    friend_batch_id: model.text().nullable(),
    friend_credit: model.json().nullable(),
    /** Days the friend's credit stays spendable (shop days, as occasions count). */
    friend_credit_valid_days: model.number().default(30),
    /** The smallest order total, per currency, that qualifies (missing: any). */
    min_order_amount: model.json().nullable(),
    /** The referrer's credit for a friend's first qualifying order, per currency. */
    referrer_credit: model.json().nullable(),
    /** Days the referrer's credit stays spendable once released; null: no expiry. */
    referrer_credit_valid_days: model.number().nullable(),
    /** Days the referrer's credit stays pending after the friend's order (the return window). */
    hold_days: model.number().default(14),
    /** Optional: the referrer earns this percent of the friend's next orders' total... */
    referrer_percent: model.bigNumber().nullable(),
    /** ...for this many orders after the qualifying one (0: none). */
    referrer_orders: model.number().default(0),
    /** A referrer's most accepted referrals in 30 days; more are refused. */
    referrer_monthly_cap: model.number().default(10),
    /** More online claims than this from one address or device in a shop day are held. */
    daily_source_limit: model.number().default(3),
    /** A qualifying order paid more than this percent with wallet credit is held. */
    credit_share_hold: model.number().default(50),
    /** An online friend must have proved a phone by one-time code before naming a code. */
    require_verified_phone: model.boolean().default(true),
    /** The storefront address share links start with (`<share_url>?ref=CODE`); null: the plugin's public_url. */
    share_url: model.text().nullable(),
  }
)

export default ReferralProgram
