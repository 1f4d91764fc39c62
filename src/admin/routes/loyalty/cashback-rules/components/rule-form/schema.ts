// What the rule form accepts, checked in the browser with every error at
// its field at once, in words (the API checks again and answers with a code
// per error, which field-of-code.ts puts at its field).
import type { TFunction } from "i18next"
import { z } from "zod"
import {
  amountSchema,
  percentSchema,
  textSchema,
  wholeNumberSchema,
} from "../../../../../lib/schema"
import { shopperNameSchema } from "../../../../../components/shopper-names"
import { displayPrecision, MoneyDisplay, toDisplayAmount } from "../../../../../lib/format"
import { ANY_CURRENCY, RuleValues, SCOPE_FIELDS } from "./form-state"

const ids = z.array(z.string())
const DECIMALS = /^\d+(\.\d{1,4})?$/

type Path = (string | number)[]

export function ruleSchema(
  t: TFunction,
  number: (n: number) => string,
  display: MoneyDisplay
) {
  const name = textSchema(t, { max: 200 })
  const shopperName = shopperNameSchema(t)
  const description = textSchema(t, { optional: true, max: 2000 })
  const rate = percentSchema(t)
  const amount = amountSchema(t)
  const limit = amountSchema(t, { optional: true, allowZero: true })
  const expires = wholeNumberSchema(t, { optional: true, min: 1, max: 3650, format: number })
  const hold = wholeNumberSchema(t, { min: 1, max: 365, format: number })
  const orders = wholeNumberSchema(t, { optional: true, min: 0, format: number })
  const priority = z
    .string()
    .refine((v) => /^-?\d{1,9}$/.test(v.trim()), t("common.validation.wholeNumber"))
    .refine((v) => !/^-?\d+$/.test(v.trim()) || Number(v) >= -1000, t("common.validation.numberMin", { min: number(-1000) }))
    .refine((v) => !/^-?\d+$/.test(v.trim()) || Number(v) <= 1000, t("common.validation.numberMax", { max: number(1000) }))
  const multiplier = z
    .string()
    .refine(
      (v) => DECIMALS.test(v) && Number(v) > 0 && Number(v) <= 100,
      t("errors.loyalty_multiplier_invalid")
    )

  const scope = Object.fromEntries(SCOPE_FIELDS.map((f) => [f, ids])) as Record<
    (typeof SCOPE_FIELDS)[number],
    typeof ids
  >

  return z
    .object({
      name: z.string(),
      names_fa: z.string(),
      names_en: z.string(),
      description: z.string(),
      is_active: z.boolean(),
      priority: z.string(),
      combination: z.enum(["best", "stack"]),
      currency_code: z.string(),
      type: z.enum(["percent", "fixed"]),
      value: z.string(),
      min_subtotal: z.string(),
      max_amount: z.string(),
      expires_after_days: z.string(),
      release: z.enum(["placed", "fulfilled", "hold"]),
      hold_days: z.string(),
      scope: z.object(scope),
      customer_group_ids: ids,
      min_previous_orders: z.string(),
      tier_ids: ids,
      segment_ids: ids,
      use_tier_rate: z.boolean(),
      use_tier_multiplier: z.boolean(),
      sales_channel_ids: ids,
      starts_at: z.string(),
      ends_at: z.string(),
      multiplier_on: z.boolean(),
      multiplier_value: z.string(),
      multiplier_starts_at: z.string(),
      multiplier_ends_at: z.string(),
    })
    .superRefine((v: RuleValues, ctx) => {
      // Every field is checked here, so all errors show at once (a refine
      // on the object would wait for the fields to pass first).
      const check = (schema: z.ZodType, value: unknown, path: Path) => {
        const result = schema.safeParse(value)
        if (!result.success) {
          ctx.addIssue({ code: "custom", path, message: result.error.issues[0].message })
        }
        return result.success
      }
      const fail = (path: Path, message: string) =>
        ctx.addIssue({ code: "custom", path, message })
      const anyCurrency = v.currency_code === ANY_CURRENCY
      // No more decimals than the currency has, in the unit the shop types
      // (one in Toman: 0.5 Toman is 5 Rial; none in Rial).
      const precise = (amount: string, path: Path) => {
        if (anyCurrency || !/^\d+(\.\d+)?$/.test(amount)) return
        const digits = displayPrecision(v.currency_code, display)
        const shown = toDisplayAmount(amount, v.currency_code, display)
        if ((shown.split(".")[1] ?? "").length > digits) {
          fail(path, t("common.validation.amountPrecision", { digits: number(digits) }))
        }
      }

      check(name, v.name, ["name"])
      check(shopperName, v.names_fa, ["names_fa"])
      check(shopperName, v.names_en, ["names_en"])
      check(description, v.description, ["description"])
      check(priority, v.priority, ["priority"])
      if (v.type === "percent") {
        if (check(rate, v.value, ["value"]) && !DECIMALS.test(v.value)) {
          fail(["value"], t("rules.form.value.decimals"))
        }
      } else {
        if (check(amount, v.value, ["value"])) {
          precise(v.value, ["value"])
        }
        if (anyCurrency) {
          fail(["currency_code"], t("errors.loyalty_currency_required_for_fixed"))
        }
      }
      const min = check(limit, v.min_subtotal, ["min_subtotal"])
      const cap = check(limit, v.max_amount, ["max_amount"])
      if (min) precise(v.min_subtotal, ["min_subtotal"])
      if (cap) precise(v.max_amount, ["max_amount"])
      if (min && cap && anyCurrency && (v.min_subtotal || v.max_amount) && v.type === "percent") {
        fail(["currency_code"], t("errors.loyalty_currency_required_for_limits"))
      }
      check(expires, v.expires_after_days, ["expires_after_days"])
      if (v.release === "hold") {
        check(hold, v.hold_days, ["hold_days"])
      }
      check(orders, v.min_previous_orders, ["min_previous_orders"])
      if (v.starts_at && v.ends_at && new Date(v.ends_at) <= new Date(v.starts_at)) {
        fail(["ends_at"], t("common.validation.dateOrder"))
      }
      if (v.multiplier_on) {
        check(multiplier, v.multiplier_value, ["multiplier_value"])
        if (
          v.multiplier_starts_at &&
          v.multiplier_ends_at &&
          new Date(v.multiplier_ends_at) <= new Date(v.multiplier_starts_at)
        ) {
          fail(["multiplier_ends_at"], t("common.validation.dateOrder"))
        }
      }
    })
}
