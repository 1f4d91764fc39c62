// The tier form's values as typed, their zod schema (messages in the
// admin's language, each at its field), and the API body made from them.
import type { TFunction } from "i18next"
import { z } from "zod"
import {
  amountSchema,
  percentSchema,
  textSchema,
  wholeNumberSchema,
} from "../../../../../lib/schema"
import { AdminTier, AdminTierInput, TIER_WINDOWS } from "../../../../../lib/tier-format"
import { shopperNameSchema, shopperNamesBody } from "../../../../../components/shopper-names"

const NAME_MAX = 100
const MULTIPLIER = /^\d{1,3}(\.\d{1,4})?$/

export function tierSchema(t: TFunction, format: (n: number) => string) {
  // Read only for a rolling window: hidden otherwise, it must not block a save.
  const windowDays = wholeNumberSchema(t, { min: 1, max: 3650, format })
  return z
    .object({
      name: textSchema(t, { max: NAME_MAX }),
      names_fa: shopperNameSchema(t),
      names_en: shopperNameSchema(t),
      rank: wholeNumberSchema(t, { min: 0, max: 1000, format }),
      description: textSchema(t, { optional: true, max: 2000 }),
      currency_code: z.string().min(1, t("tiers.form.currency.required")),
      min_spend: amountSchema(t, { optional: true, allowZero: true }),
      min_orders: wholeNumberSchema(t, { optional: true, max: 1_000_000, format }),
      qualification_window: z.enum(TIER_WINDOWS),
      window_days: z.string(),
      cashback_rate: percentSchema(t, { optional: true }),
      cashback_multiplier: z
        .string()
        .refine(
          (v) => v === "" || (MULTIPLIER.test(v) && Number(v) > 0 && Number(v) <= 100),
          t("tiers.form.multiplier.invalid")
        ),
    })
    .superRefine((values, ctx) => {
      if (values.qualification_window === "rolling") {
        const days = windowDays.safeParse(values.window_days)
        if (!days.success) {
          ctx.addIssue({
            code: "custom",
            path: ["window_days"],
            message: days.error.issues[0]?.message ?? t("common.validation.wholeNumber"),
          })
        }
      }
      if (values.min_spend === "" && values.min_orders === "") {
        ctx.addIssue({
          code: "custom",
          path: ["min_spend"],
          message: t("tiers.form.thresholdRequired"),
        })
      }
    })
}

export type TierFormValues = z.input<ReturnType<typeof tierSchema>>

/** The form's values for a tier, or for a new one above the others. */
export function tierValues(
  tier: AdminTier | null,
  others: AdminTier[],
  currencies: string[]
): TierFormValues {
  const highest = others.reduce((max, o) => Math.max(max, o.rank), 0)
  return {
    name: tier?.name ?? "",
    names_fa: tier?.names?.fa ?? "",
    names_en: tier?.names?.en ?? "",
    rank: String(tier?.rank ?? (others.length ? highest + 1 : 1)),
    description: tier?.description ?? "",
    currency_code: tier?.currency_code ?? others[0]?.currency_code ?? currencies[0] ?? "",
    min_spend: tier?.min_spend ?? "",
    min_orders: tier?.min_orders != null ? String(tier.min_orders) : "",
    qualification_window: tier?.qualification_window ?? "rolling",
    window_days: String(tier?.window_days ?? 365),
    cashback_rate: tier?.cashback_rate ?? "",
    cashback_multiplier: tier?.cashback_multiplier ?? "",
  }
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim())

/** The API body; cleared fields are sent as null. */
export function tierBody(values: TierFormValues): AdminTierInput {
  const rolling = values.qualification_window === "rolling"
  return {
    name: values.name.trim(),
    names: shopperNamesBody(values.names_fa, values.names_en),
    description: orNull(values.description),
    rank: Number(values.rank),
    currency_code: values.currency_code,
    min_spend: orNull(values.min_spend),
    min_orders: orNull(values.min_orders) === null ? null : Number(values.min_orders),
    qualification_window: values.qualification_window,
    window_days: rolling && orNull(values.window_days) !== null ? Number(values.window_days) : null,
    cashback_rate: orNull(values.cashback_rate),
    cashback_multiplier: orNull(values.cashback_multiplier),
  }
}

/**
 * The body of an edit: only what the form changed. Both sides go through
 * `tierBody`, so what the form cannot show exactly (a description with
 * trailing spaces, a spend written "1500000.00") is never written back by a
 * save that did not touch it; the API keeps the rest of the tier.
 */
export function changedBody(values: TierFormValues, saved: TierFormValues) {
  const next = tierBody(values)
  const before = tierBody(saved)
  const body: Partial<AdminTierInput> = {}
  for (const key of Object.keys(next) as (keyof AdminTierInput)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) {
      ;(body as Record<string, unknown>)[key] = next[key]
    }
  }
  return body
}

/** The form field an API error code is about. */
export const FIELD_OF_CODE: Record<string, keyof TierFormValues> = {
  loyalty_tier_names_invalid: "names_fa",
  loyalty_tier_threshold_required: "min_spend",
  loyalty_tier_currency_mismatch: "currency_code",
  loyalty_currency_unknown: "currency_code",
  loyalty_tier_rank_taken: "rank",
  loyalty_tier_min_spend_below_lower: "min_spend",
  loyalty_tier_thresholds_overlap: "min_spend",
  loyalty_min_spend_invalid: "min_spend",
  loyalty_tier_min_orders_below_lower: "min_orders",
  loyalty_min_orders_invalid: "min_orders",
  loyalty_window_days_required: "window_days",
  loyalty_window_days_not_used: "window_days",
  loyalty_cashback_rate_invalid: "cashback_rate",
  loyalty_cashback_multiplier_invalid: "cashback_multiplier",
}
