import { model } from "@medusajs/framework/utils"

/**
 * The shop's loyalty settings: one row, edited in the admin. Missing means
 * the defaults below.
 */
const LoyaltySettings = model.define(
  { name: "LoyaltySettings", tableName: "loyalty_settings" },
  {
    id: model.id({ prefix: "lset" }).primaryKey(),
    /**
     * What a take-back (cancel, return, refund) does when the shopper already
     * spent the cashback: `partial` takes what the wallet has and records the
     * shortfall, `force_negative` takes it all and lets the balance go below
     * zero (later credit pays it off), `skip` takes only what is left of that
     * cashback and lets the spent part go.
     */
    clawback_strategy: model
      .enum(["partial", "force_negative", "skip"])
      .default("partial"),
    /** Count what was paid with wallet credit in the cashback base. */
    include_credit_paid: model.boolean().default(false),
    /** Checkout: wallet credit may pay for shipping too, not only items. */
    credit_pays_shipping: model.boolean().default(true),
    /** Checkout: the largest share of an order (percent) credit may pay; null = all of it. */
    max_credit_share: model.number().nullable(),
    /**
     * Checkout: the balance a shopper must have before credit can be used,
     * per currency (e.g. `{ "irr": "100000" }`).
     */
    min_redeem_balance: model.json().nullable(),
    /** Checkout: apply the most allowed credit to a logged-in shopper's cart by itself. */
    auto_apply: model.boolean().default(false),
    /**
     * Tiers: days a customer keeps a tier after the periodic evaluation first
     * finds them below it, before they are moved down.
     */
    tier_grace_days: model.number().default(30),
    /** SMS: which messages are sent, by event (missing: the default, see the service). */
    sms_events: model.json().nullable(),
    /** SMS: days before credit expires to remind the customer, e.g. [7, 3, 1]. */
    reminder_days: model.json().nullable(),
    /**
     * SMS: no messages from `quiet_hours_start` to `quiet_hours_end` ("HH:MM",
     * shop time; equal times: no quiet hours). Messages wait until the end.
     */
    quiet_hours_start: model.text().default("22:00"),
    quiet_hours_end: model.text().default("09:00"),
    /** The shop's IANA time zone: quiet hours, reminder days and dates in messages. */
    time_zone: model.text().default("Asia/Tehran"),
    /** SMS: the sender line/number, when the gateway lets the shop choose. */
    sender_line: model.text().nullable(),
    store_name: model.text().nullable(),
    /** Language for customers who did not choose one: `fa` or `en`. */
    default_locale: model.text().default("fa"),
    /** How IRR amounts are written in messages: in Toman (/10) or in Rial. */
    money_display: model.enum(["toman", "rial"]).default("toman"),
    /** Win-back: customers whose last order was this many days ago get one message. */
    win_back_days: model.number().default(60),
    /** Kiosk sign-up: credit for joining, per currency (e.g. `{ "irr": "500000" }`). */
    signup_bonus: model.json().nullable(),
    /**
     * Till: a redemption needs the one-time code sent to the customer by SMS,
     * so knowing a phone number is not enough to spend someone's balance.
     */
    pos_redeem_requires_code: model.boolean().default(true),
    /**
     * Till and "register purchase": the largest single purchase per currency
     * (e.g. `{ "irr": "100000000000" }`); a currency left out has the
     * default (see the service).
     */
    pos_max_purchase: model.json().nullable(),
    /**
     * Kiosk sign-up: the countries (ISO 3166 alpha-2) whose mobiles may ask
     * for a code; null = the countries of the store's default region, or IR.
     */
    signup_countries: model.json().nullable(),
    /** Kiosk sign-up: at most this many sign-up codes per hour, shop-wide. */
    signup_hourly_cap: model.number().default(300),
    /** Kiosk sign-up: at most this many codes per client address in ten minutes. */
    signup_per_address_limit: model.number().default(10),
    /**
     * Kiosk sign-up: the store runs behind one reverse proxy that sets
     * X-Forwarded-For, so the client address is read from it. Off: the
     * address is the connection's, and a header cannot change it.
     */
    signup_behind_proxy: model.boolean().default(false),
    /** Receipts: days a receipt link (signed token) stays valid. */
    receipt_link_days: model.number().default(30),
    /** Receipts: text the receipt link after online orders too (always after till purchases). */
    receipt_sms_online: model.boolean().default(false),
    /** Feedback: ratings at or below this are low (notified, may get an apology gift). */
    feedback_low_rating: model.number().default(2),
    /** Feedback: credit given once for a low rating, per currency; null = none. */
    feedback_apology_credit: model.json().nullable(),
    /** Transfers: members may send credit to a phone. */
    transfers_enabled: model.boolean().default(true),
    /** Transfers: days the recipient has to claim before the credit returns. */
    transfer_claim_days: model.number().default(7),
    /** Transfers: the largest single transfer per currency; a currency left out: no limit. */
    transfer_max_amount: model.json().nullable(),
    /** Transfers: the most a member may send per shop day, per currency; left out: no limit. */
    transfer_daily_limit: model.json().nullable(),
    /** Transfers: how many transfers a member may send per shop day. */
    transfer_daily_count: model.number().default(5),
    /**
     * Promotional SMS end with this line, per language (`{ fa, en }`);
     * null or a language left out: the default for the gateway ("لغو۱۱" on
     * Iranian lines, "Reply STOP to opt out" on Twilio).
     */
    sms_opt_out_line: model.json().nullable(),
    /**
     * What one SMS part costs the shop, per gateway:
     * `{ kavenegar: { amount: "1200", currency_code: "irr" } }`; campaign
     * estimates multiply it by the parts.
     */
    sms_part_prices: model.json().nullable(),
  }
)

export default LoyaltySettings
