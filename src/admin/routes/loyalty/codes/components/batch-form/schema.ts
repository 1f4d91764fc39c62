// What the batch form accepts, checked in the browser with every error at
// its field at once, in words (the API checks again and answers with a code
// per error, which field-of-code.ts puts at its field).
import type { TFunction } from "i18next"
import { z } from "zod"
import { displayPrecision, MoneyDisplay, toDisplayAmount } from "../../../../../lib/format"
import { amountSchema, percentSchema, textSchema, wholeNumberSchema } from "../../../../../lib/schema"
import { amountCurrencies, BatchValues } from "./form-state"

// The API's bounds (src/api/admin/loyalty/code-batches/validators.ts).
export const QUANTITY_MAX = 100_000
export const PREFIX_MAX = 8
const VALID_DAYS_MAX = 3650
const PERCENT_DECIMALS = /^\d+(\.\d{1,2})?$/
const PREFIX = /^[A-Za-z0-9]*$/

const ids = z.array(z.string())
// A picked day as the picker shows it (the browser's calendar day), comparable.
const dayOf = (d: Date) => d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate()
type Path = (string | number)[]

export function batchSchema(
  t: TFunction,
  number: (n: number) => string,
  display: MoneyDisplay,
  currencies: string[]
) {
  const name = textSchema(t, { max: 200 })
  const rate = percentSchema(t)
  const amount = amountSchema(t)
  const optionalAmount = amountSchema(t, { optional: true })
  const quantity = wholeNumberSchema(t, { min: 1, max: QUANTITY_MAX, format: number })
  const validDays = wholeNumberSchema(t, { optional: true, min: 1, max: VALID_DAYS_MAX, format: number })
  const uses = wholeNumberSchema(t, { min: 1, format: number })

  return z
    .object({
      name: z.string(),
      kind: z.enum(["bulk", "personal"]),
      discount_type: z.enum(["percentage", "fixed"]),
      target: z.enum(["items", "order", "shipping"]),
      value: z.string(),
      currency_code: z.string(),
      max_discount: z.record(z.string(), z.string()),
      min_basket: z.record(z.string(), z.string()),
      starts_at: z.string(),
      ends_at: z.string(),
      valid_days: z.string(),
      product_ids: ids,
      category_ids: ids,
      customer_group_ids: ids,
      segment_ids: ids,
      prefix: z.string(),
      quantity: z.string(),
      budget_type: z.enum(["none", "usage", "spend"]),
      budget_limit: z.string(),
      budget_currency: z.string(),
    })
    .superRefine((v: BatchValues, ctx) => {
      // Every field is checked here, so all errors show at once.
      const check = (schema: z.ZodType, value: unknown, path: Path) => {
        const result = schema.safeParse(value)
        if (!result.success) {
          ctx.addIssue({ code: "custom", path, message: result.error.issues[0].message })
        }
        return result.success
      }
      const fail = (path: Path, message: string) => ctx.addIssue({ code: "custom", path, message })
      // No more decimals than the currency has, in the unit the shop types.
      const precise = (value: string, currency: string, path: Path) => {
        if (!currency || !/^\d+(\.\d+)?$/.test(value)) return
        const digits = displayPrecision(currency, display)
        if ((toDisplayAmount(value, currency, display).split(".")[1] ?? "").length > digits) {
          fail(path, t("common.validation.amountPrecision", { digits: number(digits) }))
        }
      }

      check(name, v.name, ["name"])
      if (v.discount_type === "percentage") {
        if (check(rate, v.value, ["value"]) && !PERCENT_DECIMALS.test(v.value)) {
          fail(["value"], t("codes.form.value.decimals"))
        }
      } else if (!v.currency_code) {
        fail(["currency_code"], t("errors.loyalty_currency_required_for_fixed"))
      } else if (check(amount, v.value, ["value"])) {
        precise(v.value, v.currency_code, ["value"])
      }
      for (const currency of amountCurrencies(v, currencies)) {
        if (v.discount_type === "percentage") {
          const cap = v.max_discount[currency] ?? ""
          if (check(optionalAmount, cap, ["max_discount", currency])) precise(cap, currency, ["max_discount", currency])
        }
        const min = v.min_basket[currency] ?? ""
        if (check(optionalAmount, min, ["min_basket", currency])) precise(min, currency, ["min_basket", currency])
      }
      if (v.ends_at && dayOf(new Date(v.ends_at)) < dayOf(new Date())) {
        fail(["ends_at"], t("codes.form.endsPast"))
      } else if (v.starts_at && v.ends_at && new Date(v.ends_at) < new Date(v.starts_at)) {
        fail(["ends_at"], t("common.validation.dateOrder"))
      }
      if (v.kind === "personal") {
        check(validDays, v.valid_days, ["valid_days"])
      } else {
        check(quantity, v.quantity, ["quantity"])
      }
      const prefix = v.prefix.trim()
      if (prefix.length > PREFIX_MAX || !PREFIX.test(prefix)) {
        fail(["prefix"], t("errors.loyalty_prefix_invalid"))
      }
      if (v.budget_type === "usage") {
        check(uses, v.budget_limit, ["budget_limit"])
      } else if (v.budget_type === "spend") {
        if (check(amount, v.budget_limit, ["budget_limit"])) precise(v.budget_limit, v.budget_currency, ["budget_limit"])
      }
    })
}
