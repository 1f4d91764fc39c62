import { z } from "@medusajs/framework/zod"
import {
  isClockTime,
  isTimeZone,
  MESSAGE_EVENTS,
  MESSAGE_LOCALES,
} from "../../../../utils/sms-messages"
import { decimal } from "../../../utils/validators"

const clock = (field: string) =>
  z.string().refine(isClockTime, { message: `${field} must be a time of day like "22:00"` })

export type AdminUpdateLoyaltySettingsType = z.infer<typeof AdminUpdateLoyaltySettings>
export const AdminUpdateLoyaltySettings = z.strictObject({
  clawback_strategy: z.enum(["partial", "force_negative", "skip"]).optional(),
  include_credit_paid: z.boolean().optional(),
  credit_pays_shipping: z.boolean().optional(),
  max_credit_share: z.number().int().min(1).max(100).nullable().optional(),
  // Amounts per currency; the workflow checks codes and precision.
  min_redeem_balance: z.record(z.string(), decimal("min_redeem_balance")).nullable().optional(),
  auto_apply: z.boolean().optional(),
  tier_grace_days: z.number().int().min(0).max(3650).optional(),
  sms_events: z
    .record(z.string(), z.boolean())
    .superRefine((events, ctx) => {
      for (const key of Object.keys(events)) {
        if (!(MESSAGE_EVENTS as readonly string[]).includes(key)) {
          ctx.addIssue({
            code: "custom",
            message: `sms_events has no event ${key} (events: ${MESSAGE_EVENTS.join(", ")})`,
          })
        }
      }
    })
    .nullable()
    .optional(),
  // Days before expiry, most first, each once.
  reminder_days: z
    .array(z.number().int().min(1, "reminder_days must be 1 to 365").max(365, "reminder_days must be 1 to 365"))
    .max(10)
    .transform((days) => Array.from(new Set(days)).sort((a, b) => b - a))
    .nullable()
    .optional(),
  quiet_hours_start: clock("quiet_hours_start").optional(),
  quiet_hours_end: clock("quiet_hours_end").optional(),
  time_zone: z
    .string()
    .refine(isTimeZone, { message: "time_zone must be an IANA time zone like Asia/Tehran" })
    .optional(),
  sender_line: z.string().max(50).nullable().optional(),
  store_name: z.string().max(100).nullable().optional(),
  default_locale: z.enum(MESSAGE_LOCALES).optional(),
  money_display: z.enum(["toman", "rial"]).optional(),
  win_back_days: z.number().int().min(1).max(3650).optional(),
  // Amounts per currency; the workflow checks codes and precision.
  signup_bonus: z.record(z.string(), decimal("signup_bonus")).nullable().optional(),
  pos_redeem_requires_code: z.boolean().optional(),
  // Amounts per currency; the workflow checks codes and precision.
  pos_max_purchase: z.record(z.string(), decimal("pos_max_purchase")).nullable().optional(),
  signup_countries: z
    .array(
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, { message: "signup_countries must be two-letter country codes like IR" })
        .transform((c) => c.toUpperCase())
    )
    .min(1, { message: "signup_countries needs at least one country (or null for the shop's)" })
    .max(250)
    .transform((countries) => Array.from(new Set(countries)))
    .nullable()
    .optional(),
  signup_hourly_cap: z.number().int().min(1).max(1000000).optional(),
  signup_per_address_limit: z.number().int().min(1).max(10000).optional(),
  signup_behind_proxy: z.boolean().optional(),
  receipt_link_days: z.number().int().min(1).max(3650).optional(),
  receipt_sms_online: z.boolean().optional(),
  feedback_low_rating: z.number().int().min(1).max(4).optional(),
  // Amounts per currency; the workflow checks codes and precision.
  feedback_apology_credit: z.record(z.string(), decimal("feedback_apology_credit")).nullable().optional(),
  transfers_enabled: z.boolean().optional(),
  transfer_claim_days: z.number().int().min(1).max(365).optional(),
  transfer_max_amount: z.record(z.string(), decimal("transfer_max_amount")).nullable().optional(),
  transfer_daily_limit: z.record(z.string(), decimal("transfer_daily_limit")).nullable().optional(),
  transfer_daily_count: z.number().int().min(1).max(1000).optional(),
})
