import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CreateCodeBatchInput } from "../../../modules/loyalty-club/services/codes"
import { normalizePrefix } from "../../../utils/discount-codes"
import { invalidField, LoyaltyErrorCode, loyaltyError } from "../../../utils/error-codes"
import { isKnownCurrency, parsePositiveAmount, plainDecimalProblem } from "../../../utils/money"

/** The most codes one bulk batch may hold. */
export const MAX_BULK_QUANTITY = 100000

export type CodeBatchBudgetInput = {
  /** `usage`: how many orders may use the batch's codes; `spend`: the most discount given, in `currency_code`. */
  type: "usage" | "spend"
  limit: string | number
  currency_code?: string | null
}

export type CreateCodeBatchWorkflowInput = {
  name: string
  kind: "bulk" | "personal"
  discount_type: "percentage" | "fixed"
  target?: "items" | "order" | "shipping"
  value: string | number
  currency_code?: string | null
  max_discount?: Record<string, string | number> | null
  min_basket?: Record<string, string | number> | null
  starts_at?: string | Date | null
  ends_at?: string | Date | null
  valid_days?: number | null
  product_ids?: string[] | null
  category_ids?: string[] | null
  customer_group_ids?: string[] | null
  /** Only customers in one of these saved segments may use the codes (checked at the cart). */
  segment_ids?: string[] | null
  prefix?: string | null
  quantity?: number | null
  budget?: CodeBatchBudgetInput | null
  created_by?: string | null
  /** Injected for tests: when "now" is. */
  at?: string | Date
}

/** A checked batch: the row to write (without id and campaign) and the campaign's budget. */
export type CheckedCodeBatch = {
  batch: Omit<CreateCodeBatchInput, "id" | "campaign_id">
  budget: { type: "usage" | "spend"; limit: string; currency_code: string | null } | null
}

const currencyOf = (value: string, field: string) => {
  const currency = value.toLowerCase()
  if (!isKnownCurrency(currency)) {
    throw loyaltyError(
      MedusaError.Types.INVALID_DATA,
      `${field} (${value}) is not a known currency code`,
      LoyaltyErrorCode.CURRENCY_UNKNOWN
    )
  }
  return currency
}

/** Positive amounts per currency, each checked against its currency's decimals, naming `field.<currency>`. */
function amounts(value: Record<string, string | number> | null | undefined, field: string): Record<string, string> | null {
  if (!value || !Object.keys(value).length) {
    return null
  }
  const out: Record<string, string> = {}
  for (const [key, amount] of Object.entries(value)) {
    const currency = currencyOf(key, `${field} currency`)
    out[currency] = parsePositiveAmount(amount, currency, `${field}.${currency}`).toFixed()
  }
  return out
}

/**
 * Checks a batch template and turns it into the row to write: a percent in
 * (0, 100] or a fixed amount in its currency (required), a cap only on a
 * percent, caps and minimum baskets positive per currency, dates in order
 * and ahead, products and categories only for item discounts, a prefix of
 * Latin letters and digits, 1 to 100,000 codes for a bulk batch (none for a
 * personal one, whose codes come one at a time), days of validity only for
 * personal codes, and a budget (a spend budget counts one currency, which
 * then is the only one the codes work in). No undo: it writes nothing.
 */
export const validateCodeBatchStep = createStep(
  "loyalty-validate-code-batch",
  async (input: CreateCodeBatchWorkflowInput, { container }) => {
    const at = input.at ? new Date(input.at) : new Date()
    const name = String(input.name ?? "").trim()
    if (!name || name.length > 200) {
      throw invalidField("name", "name must be 1 to 200 characters")
    }
    const target = input.target ?? "order"
    let currency = input.currency_code ? currencyOf(input.currency_code, "currency_code") : null
    let value: string
    if (input.discount_type === "percentage") {
      const problem = plainDecimalProblem(input.value, "value")
      if (problem) {
        throw invalidField("value", problem)
      }
      const percent = MathBN.convert(input.value)
      if (percent.lte(0) || percent.gt(100) || (percent.decimalPlaces() ?? 0) > 2) {
        throw invalidField("value", `value must be a percent above 0 and at most 100 (2 decimals), got ${input.value}`)
      }
      value = percent.toFixed()
    } else {
      if (!currency) {
        throw invalidField("currency_code", "currency_code is required for a fixed discount: the amount is in it")
      }
      value = parsePositiveAmount(input.value, currency, "value").toFixed()
    }
    if (input.discount_type !== "percentage" && input.max_discount && Object.keys(input.max_discount).length) {
      throw invalidField("max_discount", "max_discount caps a percent discount; a fixed discount has none")
    }
    const maxDiscount = input.discount_type === "percentage" ? amounts(input.max_discount, "max_discount") : null
    const minBasket = amounts(input.min_basket, "min_basket")

    const startsAt = input.starts_at ? new Date(input.starts_at) : null
    const endsAt = input.ends_at ? new Date(input.ends_at) : null
    for (const [field, d] of [["starts_at", startsAt], ["ends_at", endsAt]] as const) {
      if (d && isNaN(d.getTime())) {
        throw invalidField(field, `${field} must be a date`)
      }
    }
    if (endsAt && endsAt <= at) {
      throw invalidField("ends_at", `ends_at (${endsAt.toISOString()}) must be in the future`)
    }
    if (startsAt && endsAt && endsAt <= startsAt) {
      throw invalidField("ends_at", "ends_at must be after starts_at")
    }
    if ((input.product_ids?.length || input.category_ids?.length) && target !== "items") {
      throw invalidField("target", "product_ids and category_ids limit an item discount: set target to items")
    }

    const prefix = normalizePrefix(input.prefix)
    let quantity = 0
    if (input.kind === "bulk") {
      const q = input.quantity
      if (typeof q !== "number" || !Number.isInteger(q) || q < 1 || q > MAX_BULK_QUANTITY) {
        throw invalidField("quantity", `quantity must be a whole number from 1 to ${MAX_BULK_QUANTITY}, got ${q ?? "none"}`)
      }
      quantity = q
      if (input.valid_days) {
        throw invalidField("valid_days", "valid_days is for personal codes; bulk codes end with the batch (ends_at)")
      }
    } else if (input.quantity) {
      throw invalidField("quantity", "a personal batch is a template: its codes are issued one at a time, without quantity")
    }

    let budget: CheckedCodeBatch["budget"] = null
    if (input.budget) {
      if (input.budget.type === "usage") {
        const limit = MathBN.convert(parsePositiveAmount(input.budget.limit, "irr", "budget.limit"))
        budget = { type: "usage", limit: limit.toFixed(), currency_code: null }
      } else {
        const budgetCurrency = input.budget.currency_code
          ? currencyOf(input.budget.currency_code, "budget.currency_code")
          : currency
        if (!budgetCurrency) {
          throw invalidField("budget", "a spend budget needs budget.currency_code: it counts discount in one currency")
        }
        if (currency && currency !== budgetCurrency) {
          throw invalidField("budget", `budget.currency_code (${budgetCurrency}) must be the batch's currency (${currency})`)
        }
        currency = budgetCurrency
        budget = {
          type: "spend",
          limit: parsePositiveAmount(input.budget.limit, budgetCurrency, "budget.limit").toFixed(),
          currency_code: budgetCurrency,
        }
      }
    }

    const ids = (list: string[] | null | undefined) => (list?.length ? Array.from(new Set(list)) : null)
    const segmentIds = ids(input.segment_ids)
    if (segmentIds) {
      // An unknown or deleted segment would lock every shopper out of the codes.
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "segment", fields: ["id"], filters: { id: segmentIds } })
      const found = new Set(data.map((d: { id: string }) => d.id))
      const missing = segmentIds.filter((id) => !found.has(id))
      if (missing.length) {
        throw invalidField("segment_ids", `segment_ids has unknown ids: ${missing.join(", ")}`)
      }
    }
    const checked: CheckedCodeBatch = {
      batch: {
        name,
        kind: input.kind,
        status: input.kind === "bulk" ? "creating" : "active",
        discount_type: input.discount_type,
        target,
        value,
        currency_code: currency,
        max_discount: maxDiscount,
        min_basket: minBasket,
        starts_at: startsAt,
        ends_at: endsAt,
        valid_days: input.kind === "personal" ? input.valid_days ?? null : null,
        product_ids: ids(input.product_ids),
        category_ids: ids(input.category_ids),
        customer_group_ids: ids(input.customer_group_ids),
        segment_ids: segmentIds,
        prefix,
        quantity,
        created_by: input.created_by ?? null,
      },
      budget,
    }
    return new StepResponse(checked)
  }
)
