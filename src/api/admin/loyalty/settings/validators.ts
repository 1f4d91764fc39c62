import { MathBN } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { GATEWAYS } from "../../../../providers/sms/types"
import { invalidField } from "../../../../utils/error-codes"
import { isKnownCurrency, plainDecimalProblem } from "../../../../utils/money"
import {
  isClockTime,
  isTimeZone,
  MESSAGE_EVENTS,
  MESSAGE_LOCALES,
} from "../../../../utils/sms-messages"
import { decimal } from "../../../utils/validators"

// An opt-out line fits the end of a message: one line, short enough not to
// push a Persian message into another part on its own.
const OPT_OUT_LINE_MAX = 40
// A part's price may be below the currency's smallest unit (Twilio bills
// USD 0.0079 a segment): up to this many decimals, whatever the currency.
const PART_PRICE_DECIMALS = 6

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * `{ fa?, en? }`: each a line of at most 40 characters, or null (or left
 * out) for the gateway's default. Checked by hand so every problem is a 400
 * with `loyalty_sms_opt_out_line_invalid` naming the language.
 */
const optOutLineSetting = z.unknown().transform((value) => {
  if (value === null) {
    return null
  }
  if (!isPlainObject(value)) {
    throw invalidField("sms_opt_out_line", "sms_opt_out_line must be an object like { \"fa\": \"لغو۱۱\", \"en\": \"Reply STOP to opt out\" } or null")
  }
  const out: { fa?: string | null; en?: string | null } = {}
  for (const [locale, line] of Object.entries(value)) {
    const field = `sms_opt_out_line.${locale}`
    if (!(MESSAGE_LOCALES as readonly string[]).includes(locale)) {
      throw invalidField(field, `sms_opt_out_line has no language ${locale} (languages: ${MESSAGE_LOCALES.join(", ")})`)
    }
    if (line === null || (typeof line === "string" && !line.trim())) {
      out[locale as "fa" | "en"] = null
      continue
    }
    if (typeof line !== "string") {
      throw invalidField(field, `${field} must be text or null`)
    }
    if (/[\r\n]/.test(line)) {
      throw invalidField(field, `${field} must be one line`)
    }
    if (Array.from(line.trim()).length > OPT_OUT_LINE_MAX) {
      throw invalidField(field, `${field} must be at most ${OPT_OUT_LINE_MAX} characters`)
    }
    out[locale as "fa" | "en"] = line.trim()
  }
  return out
})

/**
 * `{ <gateway>: { amount, currency_code } }`: what one SMS part costs on a
 * gateway, a plain positive decimal in a known currency.
 */
const partPricesSetting = z.unknown().transform((value) => {
  if (value === null) {
    return null
  }
  if (!isPlainObject(value)) {
    throw invalidField(
      "sms_part_prices",
      `sms_part_prices must be an object like { "kavenegar": { "amount": "1200", "currency_code": "irr" } } or null`
    )
  }
  const out: Record<string, { amount: string; currency_code: string }> = {}
  for (const [gateway, price] of Object.entries(value)) {
    const field = `sms_part_prices.${gateway}`
    if (!(GATEWAYS as readonly string[]).includes(gateway)) {
      throw invalidField(field, `sms_part_prices has no gateway ${gateway} (gateways: ${GATEWAYS.join(", ")})`)
    }
    if (!isPlainObject(price)) {
      throw invalidField(field, `${field} must be an object with amount and currency_code`)
    }
    const extra = Object.keys(price).find((k) => k !== "amount" && k !== "currency_code")
    if (extra) {
      throw invalidField(`${field}.${extra}`, `${field} has no field ${extra} (fields: amount, currency_code)`)
    }
    const code = typeof price.currency_code === "string" ? price.currency_code.toLowerCase() : ""
    if (!isKnownCurrency(code)) {
      throw invalidField(`${field}.currency_code`, `${field}.currency_code must be a known currency code like irr`)
    }
    const problem = plainDecimalProblem(price.amount, `${field}.amount`)
    if (problem) {
      throw invalidField(`${field}.amount`, problem)
    }
    const amount = MathBN.convert(String(price.amount))
    if (!amount.isGreaterThan(0)) {
      throw invalidField(`${field}.amount`, `${field}.amount must be greater than 0, got ${amount.toFixed()}`)
    }
    if ((amount.decimalPlaces() ?? 0) > PART_PRICE_DECIMALS) {
      throw invalidField(`${field}.amount`, `${field}.amount must have at most ${PART_PRICE_DECIMALS} decimals`)
    }
    out[gateway] = { amount: amount.toFixed(), currency_code: code }
  }
  return out
})

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
  sms_opt_out_line: optOutLineSetting.optional(),
  sms_part_prices: partPricesSetting.optional(),
})
