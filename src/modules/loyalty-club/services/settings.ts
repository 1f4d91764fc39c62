import { Context } from "@medusajs/framework/types"
import { LoyaltySettingsValues } from "../types"
import { sql } from "./sql"

const DEFAULT_SETTINGS: LoyaltySettingsValues = {
  clawback_strategy: "partial",
  include_credit_paid: false,
  credit_pays_shipping: true,
  max_credit_share: null,
  min_redeem_balance: null,
  auto_apply: false,
  tier_grace_days: 30,
  sms_events: null,
  reminder_days: null,
  quiet_hours_start: "22:00",
  quiet_hours_end: "09:00",
  time_zone: "Asia/Tehran",
  sender_line: null,
  store_name: null,
  default_locale: "fa",
  money_display: "toman",
  win_back_days: 60,
  signup_bonus: null,
  pos_redeem_requires_code: true,
  pos_max_purchase: null,
  signup_countries: null,
  signup_hourly_cap: 300,
  signup_per_address_limit: 10,
  signup_behind_proxy: false,
  receipt_link_days: 30,
  receipt_sms_online: false,
  feedback_low_rating: 2,
  feedback_apology_credit: null,
  transfers_enabled: true,
  transfer_claim_days: 7,
  transfer_max_amount: null,
  transfer_daily_limit: null,
  transfer_daily_count: 5,
  sms_opt_out_line: null,
  sms_part_prices: null,
}
// Settings stored as JSON.
const JSON_SETTINGS = new Set([
  "min_redeem_balance",
  "sms_events",
  "reminder_days",
  "signup_bonus",
  "pos_max_purchase",
  "signup_countries",
  "feedback_apology_credit",
  "transfer_max_amount",
  "transfer_daily_limit",
  "sms_opt_out_line",
  "sms_part_prices",
])
const SETTINGS_FIELDS = Object.keys(DEFAULT_SETTINGS) as (keyof LoyaltySettingsValues)[]
// The shop's settings are one row with a fixed id.
const SETTINGS_ID = "lset_shop"

/** The shop's loyalty settings: one row, with defaults until it is saved. */
export class SettingsRoom {
  /** The shop's loyalty settings (defaults until an admin saves them). */
  async retrieveSettings(
    sharedContext: Context
  ): Promise<LoyaltySettingsValues> {
    const [row] = await sql(sharedContext).execute(
      `SELECT ${SETTINGS_FIELDS.join(", ")} FROM loyalty_settings
       WHERE id = ? AND deleted_at IS NULL`,
      [SETTINGS_ID]
    )
    const settings = { ...DEFAULT_SETTINGS }
    for (const field of SETTINGS_FIELDS) {
      if (row && row[field] !== undefined) {
        ;(settings as any)[field] = row[field]
      }
    }
    return settings
  }

  /** Saves the given settings over the current ones; returns the result. */
  async updateSettings(
    data: Partial<LoyaltySettingsValues>,
    sharedContext: Context
  ): Promise<LoyaltySettingsValues> {
    const next = { ...(await this.retrieveSettings(sharedContext)), ...data }
    const values = SETTINGS_FIELDS.map((f) =>
      JSON_SETTINGS.has(f) && next[f] != null ? JSON.stringify(next[f]) : next[f]
    )
    await sql(sharedContext).execute(
      `INSERT INTO loyalty_settings (id, ${SETTINGS_FIELDS.join(", ")}, created_at, updated_at)
       VALUES (?, ${SETTINGS_FIELDS.map(() => "?").join(", ")}, now(), now())
       ON CONFLICT (id) DO UPDATE SET
         ${SETTINGS_FIELDS.map((f) => `${f} = EXCLUDED.${f}`).join(", ")},
         updated_at = now(), deleted_at = NULL`,
      [SETTINGS_ID, ...values]
    )
    return next
  }
}
