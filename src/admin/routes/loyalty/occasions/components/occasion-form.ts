// An occasion's form: its values as typed, the schema (every error at its
// field at once, in words), the API body of what changed, and the field an
// API error code is about.
import type { TFunction } from "i18next"
import { FieldPath } from "react-hook-form"
import { z } from "zod"
import { amountsToBody } from "../../../../lib/amounts"
import { displayPrecision, MoneyDisplay, toDisplayAmount } from "../../../../lib/format"
import { GiftType, Occasion, OccasionInput, OccasionKind } from "../../../../lib/occasions"
import { amountSchema, wholeNumberSchema } from "../../../../lib/schema"

export type OccasionValues = {
  enabled: boolean
  gift_type: GiftType
  batch_id: string
  credit_amount: Record<string, string>
  credit_valid_days: string
  days_before: string
  after_days: string
}

/** Which day field an occasion has: days before (birthday), days after (win-back, welcome) or none. */
export const dayField = (kind: OccasionKind): "days_before" | "after_days" | null =>
  kind === "birthday" ? "days_before" : kind === "win_back" || kind === "welcome" ? "after_days" : null

// The API's bounds (src/api/admin/loyalty/occasions/validators.ts).
const DAY_BOUNDS = {
  days_before: { min: 0, max: 60 },
  win_back: { min: 1, max: 3650 },
  welcome: { min: 0, max: 3650 },
} as const
const VALID_DAYS = { min: 1, max: 3650 }

const text = (n: number | null | undefined) => (n == null ? "" : String(n))

export const toValues = (o: Occasion, currencies: string[]): OccasionValues => ({
  enabled: o.enabled,
  gift_type: o.gift_type,
  batch_id: o.batch_id ?? "",
  credit_amount: Object.fromEntries(
    Array.from(new Set([...currencies, ...Object.keys(o.credit_amount ?? {})])).map((c) => [
      c,
      o.credit_amount?.[c] ?? "",
    ])
  ),
  credit_valid_days: text(o.credit_valid_days),
  days_before: text(o.days_before),
  // A welcome without days is sent the day of the first order.
  after_days: text(o.after_days ?? (o.kind === "welcome" ? 0 : null)),
})

/** The whole body for the values; the gift's own fields only for its gift. */
function fullBody(kind: OccasionKind, v: OccasionValues): OccasionInput {
  const body: OccasionInput = { enabled: v.enabled, gift_type: v.gift_type }
  if (v.gift_type === "code") body.batch_id = v.batch_id || null
  if (v.gift_type === "credit") {
    body.credit_amount = amountsToBody(v.credit_amount)
    body.credit_valid_days = v.credit_valid_days.trim() ? Number(v.credit_valid_days) : null
  }
  const field = dayField(kind)
  if (field) body[field] = Number(v[field])
  return body
}

/** What changed against the stored occasion, both put through the same conversion. */
export function changedBody(kind: OccasionKind, v: OccasionValues, stored: OccasionValues): OccasionInput {
  const next = fullBody(kind, v)
  const saved = fullBody(kind, stored)
  const body: OccasionInput = {}
  for (const key of Object.keys(next) as (keyof OccasionInput)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) {
      Object.assign(body, { [key]: next[key] })
    }
  }
  // Another gift: send what it needs even if it was stored before.
  if ("gift_type" in body) Object.assign(body, next)
  return body
}

type Path = (string | number)[]

export function occasionSchema(
  kind: OccasionKind,
  t: TFunction,
  number: (n: number) => string,
  display: MoneyDisplay
) {
  const field = dayField(kind)
  const bounds = field === "days_before" ? DAY_BOUNDS.days_before : kind === "win_back" ? DAY_BOUNDS.win_back : DAY_BOUNDS.welcome
  const days = wholeNumberSchema(t, { ...bounds, format: number })
  const validDays = wholeNumberSchema(t, { optional: true, ...VALID_DAYS, format: number })
  const amount = amountSchema(t, { optional: true })
  return z
    .object({
      enabled: z.boolean(),
      gift_type: z.enum(["none", "code", "credit"]),
      batch_id: z.string(),
      credit_amount: z.record(z.string(), z.string()),
      credit_valid_days: z.string(),
      days_before: z.string(),
      after_days: z.string(),
    })
    .superRefine((v: OccasionValues, ctx) => {
      const check = (schema: z.ZodType, value: unknown, path: Path) => {
        const result = schema.safeParse(value)
        if (!result.success) {
          ctx.addIssue({ code: "custom", path, message: result.error.issues[0].message })
        }
        return result.success
      }
      if (field) check(days, v[field], [field])
      if (v.gift_type === "code" && !v.batch_id) {
        ctx.addIssue({ code: "custom", path: ["batch_id"], message: t("occasions.form.batchRequired") })
      }
      if (v.gift_type === "credit") {
        const entries = Object.entries(v.credit_amount)
        let any = false
        for (const [currency, value] of entries) {
          if (!check(amount, value, ["credit_amount", currency]) || !value) continue
          any = true
          const digits = displayPrecision(currency, display)
          if ((toDisplayAmount(value, currency, display).split(".")[1] ?? "").length > digits) {
            ctx.addIssue({
              code: "custom",
              path: ["credit_amount", currency],
              message: t("common.validation.amountPrecision", { digits: number(digits) }),
            })
          }
        }
        if (!any && entries[0]) {
          ctx.addIssue({
            code: "custom",
            path: ["credit_amount", entries[0][0]],
            message: t("occasions.form.creditRequired"),
          })
        }
        check(validDays, v.credit_valid_days, ["credit_valid_days"])
      }
    })
}

/** The form field an API error code is about. */
export function fieldOfCode(code: string | undefined, v: OccasionValues): FieldPath<OccasionValues> | undefined {
  const firstCurrency =
    Object.keys(v.credit_amount).find((c) => v.credit_amount[c]) ?? Object.keys(v.credit_amount)[0]
  switch (code) {
    case "loyalty_code_batch_not_found":
    case "loyalty_code_batch_not_personal":
    case "loyalty_code_batch_disabled":
      return "batch_id"
    case "loyalty_credit_amount_invalid":
      return firstCurrency ? `credit_amount.${firstCurrency}` : undefined
    case "loyalty_occasion_gift_invalid":
      return v.gift_type === "code" ? "batch_id" : firstCurrency ? `credit_amount.${firstCurrency}` : undefined
    default:
      return undefined
  }
}
