// The referral programme's form: its values as typed, the schema (every
// error at its field at once, in words), the API body, and the field an API
// error code is about.
import type { TFunction } from "i18next"
import { z } from "zod"
import { amountsToBody } from "../../../../lib/amounts"
import { displayPrecision, MoneyDisplay, toDisplayAmount } from "../../../../lib/format"
import { FriendGiftType, ReferralProgram, ReferralProgramAnswer } from "../../../../lib/referrals"
import { amountSchema, percentSchema, wholeNumberSchema } from "../../../../lib/schema"
import { amountFieldOfCode, amountsToValues } from "../../pos-keys/components/till-settings/shop"

export type ProgramValues = {
  enabled: boolean
  friend_gift_type: FriendGiftType
  friend_batch_id: string
  friend_credit: Record<string, string>
  friend_credit_valid_days: string
  min_order_amount: Record<string, string>
  referrer_credit: Record<string, string>
  referrer_credit_valid_days: string
  hold_days: string
  referrer_percent: string
  referrer_orders: string
  referrer_monthly_cap: string
  daily_source_limit: string
  credit_share_hold: string
  require_verified_phone: boolean
  share_url: string
}

/** The API's bounds (src/api/admin/loyalty/referrals/validators.ts). */
export const BOUNDS = {
  friend_credit_valid_days: { min: 1, max: 3650 },
  referrer_credit_valid_days: { min: 1, max: 3650 },
  hold_days: { min: 0, max: 365 },
  referrer_orders: { min: 0, max: 100 },
  referrer_monthly_cap: { min: 1, max: 100_000 },
  daily_source_limit: { min: 1, max: 100_000 },
  credit_share_hold: { min: 1, max: 100 },
} as const

const AMOUNT_FIELDS = ["friend_credit", "min_order_amount", "referrer_credit"] as const

const text = (n: number | string | null | undefined) => (n == null ? "" : String(n))

/** The currencies every per-currency field shows: the store's, then any other stored. */
export const programCurrencies = (storeCurrencies: string[], p: ReferralProgram | undefined) =>
  Array.from(
    new Set([
      ...storeCurrencies,
      ...AMOUNT_FIELDS.flatMap((f) => Object.keys(p?.[f] ?? {}).sort()),
    ])
  )

export const toValues = (
  { program: p }: ReferralProgramAnswer,
  currencies: string[]
): ProgramValues => ({
  enabled: p.enabled,
  friend_gift_type: p.friend_gift_type,
  friend_batch_id: p.friend_batch_id ?? "",
  friend_credit: amountsToValues(p.friend_credit, currencies),
  friend_credit_valid_days: text(p.friend_credit_valid_days),
  min_order_amount: amountsToValues(p.min_order_amount, currencies),
  referrer_credit: amountsToValues(p.referrer_credit, currencies),
  referrer_credit_valid_days: text(p.referrer_credit_valid_days),
  hold_days: text(p.hold_days),
  referrer_percent: text(p.referrer_percent),
  referrer_orders: text(p.referrer_orders),
  referrer_monthly_cap: text(p.referrer_monthly_cap),
  daily_source_limit: text(p.daily_source_limit),
  credit_share_hold: text(p.credit_share_hold),
  require_verified_phone: p.require_verified_phone,
  share_url: p.share_url ?? "",
})

/**
 * The whole body; SettingsCard sends the fields that differ from the stored
 * programme put through this same conversion.
 */
export const toBody = (v: ProgramValues): Partial<Record<keyof ReferralProgram, unknown>> => ({
  enabled: v.enabled,
  friend_gift_type: v.friend_gift_type,
  friend_batch_id: v.friend_batch_id || null,
  friend_credit: amountsToBody(v.friend_credit),
  friend_credit_valid_days: Number(v.friend_credit_valid_days),
  min_order_amount: amountsToBody(v.min_order_amount),
  referrer_credit: amountsToBody(v.referrer_credit),
  referrer_credit_valid_days: v.referrer_credit_valid_days.trim() ? Number(v.referrer_credit_valid_days) : null,
  hold_days: Number(v.hold_days),
  referrer_percent: v.referrer_percent.trim() || null,
  referrer_orders: Number(v.referrer_orders || "0"),
  referrer_monthly_cap: Number(v.referrer_monthly_cap),
  daily_source_limit: Number(v.daily_source_limit),
  credit_share_hold: Number(v.credit_share_hold),
  require_verified_phone: v.require_verified_phone,
  share_url: v.share_url.trim() || null,
})

type Path = (string | number)[]

/** A storefront address: http(s), with a host. */
const isWebAddress = (value: string) => {
  try {
    const url = new URL(value)
    return (url.protocol === "https:" || url.protocol === "http:") && !!url.hostname
  } catch {
    return false
  }
}

export function programSchema(t: TFunction, number: (n: number) => string, display: MoneyDisplay) {
  const whole = (bounds: { min: number; max: number }, optional = false) =>
    wholeNumberSchema(t, { ...bounds, optional, format: number })
  const amount = amountSchema(t, { optional: true, allowZero: true })
  const percent = percentSchema(t, { optional: true })
  return z
    .object({
      enabled: z.boolean(),
      friend_gift_type: z.enum(["none", "code", "credit"]),
      friend_batch_id: z.string(),
      friend_credit: z.record(z.string(), z.string()),
      friend_credit_valid_days: z.string(),
      min_order_amount: z.record(z.string(), z.string()),
      referrer_credit: z.record(z.string(), z.string()),
      referrer_credit_valid_days: z.string(),
      hold_days: z.string(),
      referrer_percent: z.string(),
      referrer_orders: z.string(),
      referrer_monthly_cap: z.string(),
      daily_source_limit: z.string(),
      credit_share_hold: z.string(),
      require_verified_phone: z.boolean(),
      share_url: z.string(),
    })
    .superRefine((v: ProgramValues, ctx) => {
      const check = (schema: z.ZodType, value: unknown, path: Path) => {
        const result = schema.safeParse(value)
        if (!result.success) {
          ctx.addIssue({ code: "custom", path, message: result.error.issues[0].message })
        }
        return result.success
      }
      const amounts = (field: (typeof AMOUNT_FIELDS)[number]) => {
        let any = false
        for (const [currency, value] of Object.entries(v[field])) {
          if (!check(amount, value, [field, currency]) || !value) continue
          any = true
          const digits = displayPrecision(currency, display)
          if ((toDisplayAmount(value, currency, display).split(".")[1] ?? "").length > digits) {
            ctx.addIssue({
              code: "custom",
              path: [field, currency],
              message: t("common.validation.amountPrecision", { digits: number(digits) }),
            })
          }
        }
        return any
      }

      if (v.friend_gift_type === "code" && !v.friend_batch_id) {
        ctx.addIssue({ code: "custom", path: ["friend_batch_id"], message: t("referrals.settings.batchRequired") })
      }
      const friendCredit = amounts("friend_credit")
      if (v.friend_gift_type === "credit") {
        const first = Object.keys(v.friend_credit)[0]
        if (!friendCredit && first) {
          ctx.addIssue({
            code: "custom",
            path: ["friend_credit", first],
            message: t("referrals.settings.friendCreditRequired"),
          })
        }
        check(whole(BOUNDS.friend_credit_valid_days), v.friend_credit_valid_days, ["friend_credit_valid_days"])
      }
      amounts("min_order_amount")
      amounts("referrer_credit")
      check(whole(BOUNDS.referrer_credit_valid_days, true), v.referrer_credit_valid_days, ["referrer_credit_valid_days"])
      check(whole(BOUNDS.hold_days), v.hold_days, ["hold_days"])

      // The bonus: a percentage needs its number of orders, and orders a percentage.
      if (check(percent, v.referrer_percent, ["referrer_percent"]) && v.referrer_percent) {
        if ((v.referrer_percent.split(".")[1] ?? "").length > 2) {
          ctx.addIssue({
            code: "custom",
            path: ["referrer_percent"],
            message: t("referrals.settings.percent.precision"),
          })
        }
      }
      if (check(whole(BOUNDS.referrer_orders, true), v.referrer_orders, ["referrer_orders"])) {
        const orders = Number(v.referrer_orders || "0")
        if (v.referrer_percent && orders < 1) {
          ctx.addIssue({ code: "custom", path: ["referrer_orders"], message: t("referrals.settings.orders.required") })
        }
        if (!v.referrer_percent && orders > 0) {
          ctx.addIssue({ code: "custom", path: ["referrer_percent"], message: t("referrals.settings.percent.required") })
        }
      }

      check(whole(BOUNDS.referrer_monthly_cap), v.referrer_monthly_cap, ["referrer_monthly_cap"])
      check(whole(BOUNDS.daily_source_limit), v.daily_source_limit, ["daily_source_limit"])
      check(whole(BOUNDS.credit_share_hold), v.credit_share_hold, ["credit_share_hold"])
      if (v.share_url.trim() && !isWebAddress(v.share_url.trim())) {
        ctx.addIssue({
          code: "custom",
          path: ["share_url"],
          message: t("referrals.settings.shareUrl.invalid", { example: "\u2066https://shop.example.com\u2069" }),
        })
      }
    })
}

/** The form field an API error code is about: amounts at their first currency. */
export function programFieldOfCode(currencies: string[]) {
  const amountField = amountFieldOfCode(currencies, {
    loyalty_friend_credit_invalid: "friend_credit",
    loyalty_min_order_amount_invalid: "min_order_amount",
    loyalty_referrer_credit_invalid: "referrer_credit",
  })
  return (code: string) => {
    switch (code) {
      case "loyalty_referral_batch_invalid":
      case "loyalty_code_batch_not_found":
      case "loyalty_code_batch_not_personal":
      case "loyalty_code_batch_disabled":
        return "friend_batch_id" as const
      case "loyalty_referrer_percent_invalid":
        return "referrer_percent" as const
      case "loyalty_share_url_invalid":
        return "share_url" as const
      default:
        return amountField(code)
    }
  }
}
