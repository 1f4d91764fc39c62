import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import BigNumberJS from "bignumber.js"
import type { ReferralProgramRow } from "../../../modules/loyalty-club/services/referrals"
import { invalidField, loyaltyError, LoyaltyErrorCode } from "../../../utils/error-codes"
import { currencyPrecision, isKnownCurrency, plainDecimalProblem } from "../../../utils/money"
import { service } from "../shared"

export type UpdateReferralProgramInput = { data: Partial<ReferralProgramRow> }

const AMOUNT_FIELDS = ["friend_credit", "referrer_credit", "min_order_amount"] as const

// Each whole-number field and its range.
const RANGES: Partial<Record<keyof ReferralProgramRow, [number, number]>> = {
  hold_days: [0, 365],
  referrer_orders: [0, 100],
  referrer_monthly_cap: [1, 100000],
  daily_source_limit: [1, 100000],
  credit_share_hold: [1, 100],
  friend_credit_valid_days: [1, 3650],
  referrer_credit_valid_days: [1, 3650],
}
const NULLABLE = new Set(["referrer_credit_valid_days"])

/** A per-currency map of whole non-negative amounts in each currency's precision, keys lower case. */
function amountsOf(field: string, value: unknown): Record<string, string> | null {
  if (value === null) {
    return null
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidField(field, `${field} must be an amount per currency, e.g. { "irr": "500000" }`)
  }
  const out: Record<string, string> = {}
  for (const [currency, amount] of Object.entries(value as Record<string, unknown>)) {
    const code = currency.toLowerCase()
    if (!isKnownCurrency(code)) {
      throw invalidField(field, `${field}: ${currency} is not a known currency code`)
    }
    const problem = plainDecimalProblem(amount, `${field}.${code}`)
    if (problem) {
      throw invalidField(field, problem)
    }
    const parsed = new BigNumberJS(String(amount))
    if (parsed.isNegative()) {
      throw invalidField(field, `${field}.${code} must not be negative, got ${parsed.toFixed()}`)
    }
    const precision = currencyPrecision(code)
    if ((parsed.decimalPlaces() ?? 0) > precision) {
      throw invalidField(
        field,
        `${field}.${code} ${parsed.toFixed()} has more decimals than ${code.toUpperCase()} allows (${precision})`
      )
    }
    out[code] = parsed.toFixed()
  }
  return out
}

/** The saved programme with the change, checked field by field (a 400 naming the field). */
export function checkReferralProgram(current: ReferralProgramRow, data: Partial<ReferralProgramRow>): ReferralProgramRow {
  const next: ReferralProgramRow = { ...current }
  for (const field of Object.keys(current) as (keyof ReferralProgramRow)[]) {
    if (data[field] !== undefined) {
      ;(next as any)[field] = data[field]
    }
  }
  for (const field of ["enabled", "require_verified_phone"] as const) {
    if (typeof next[field] !== "boolean") {
      throw invalidField(field, `${field} must be true or false`)
    }
  }
  if (!["code", "credit", "none"].includes(next.friend_gift_type)) {
    throw invalidField("friend_gift_type", `friend_gift_type must be one of code, credit, none`)
  }
  for (const field of AMOUNT_FIELDS) {
    if (data[field] !== undefined) {
      next[field] = amountsOf(field, data[field])
    }
  }
  for (const [field, [min, max]] of Object.entries(RANGES) as [keyof ReferralProgramRow, [number, number]][]) {
    const value = next[field]
    if (value === null && NULLABLE.has(field)) {
      continue
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw invalidField(
        field,
        `${field} must be a whole number from ${min} to ${max}${NULLABLE.has(field) ? " (or null)" : ""}, got ${JSON.stringify(value)}`
      )
    }
  }
  if (next.referrer_percent !== null) {
    const text = typeof next.referrer_percent === "number" ? String(next.referrer_percent) : next.referrer_percent
    const problem = plainDecimalProblem(text, "referrer_percent")
    const percent = problem ? null : new BigNumberJS(String(text))
    if (!percent || !percent.isGreaterThan(0) || percent.isGreaterThan(100) || (percent.decimalPlaces() ?? 0) > 2) {
      throw invalidField(
        "referrer_percent",
        `referrer_percent must be a percent above 0 and at most 100, with at most 2 decimals (or null), got ${JSON.stringify(next.referrer_percent)}`
      )
    }
    next.referrer_percent = percent.toFixed()
  }
  if (next.share_url !== null) {
    let url: URL | null = null
    try {
      url = typeof next.share_url === "string" && next.share_url.length <= 2000 ? new URL(next.share_url) : null
    } catch {
      url = null
    }
    if (!url || !["http:", "https:"].includes(url.protocol)) {
      throw invalidField(
        "share_url",
        `share_url must be an http(s) address such as https://shop.example.com/join (or null), got ${JSON.stringify(next.share_url)}`
      )
    }
    next.share_url = next.share_url!.trim()
  }
  if (next.friend_gift_type === "credit" && !Object.values(next.friend_credit ?? {}).some((a) => new BigNumberJS(a).isGreaterThan(0))) {
    throw invalidField(
      "friend_credit",
      `friend_credit is required for a credit gift: an amount per currency, e.g. { "irr": "500000" }`
    )
  }
  return next
}

const batchInvalid = (message: string) =>
  loyaltyError(MedusaError.Types.INVALID_DATA, message, LoyaltyErrorCode.REFERRAL_BATCH_INVALID)

export const updateReferralProgramStepId = "loyalty-update-referral-program"

/**
 * Saves the referral programme after checking the whole result (the saved
 * programme with the change): amounts per known currency in its precision,
 * never negative; the percent, counts and days in their ranges; an http(s)
 * share address; a code gift needs an existing personal batch that is not
 * disabled, a credit gift an amount. Each problem is a 400 naming its
 * field. The undo writes back the programme before.
 */
export const updateReferralProgramStep = createStep(
  updateReferralProgramStepId,
  async (input: UpdateReferralProgramInput, { container }) => {
    const loyalty = service(container)
    const current = await loyalty.getReferralProgram()
    const next = checkReferralProgram(current, input.data ?? {})
    if (next.friend_gift_type === "code") {
      if (!next.friend_batch_id) {
        throw batchInvalid("friend_batch_id is required for a code gift: choose a personal code batch")
      }
      const [batch] = await loyalty.listCodeBatches({ id: next.friend_batch_id }, { select: ["id", "kind", "status"] })
      if (!batch) {
        throw batchInvalid(`friend_batch_id: code batch ${next.friend_batch_id} was not found`)
      }
      if (batch.kind !== "personal" || batch.status === "disabled" || batch.status === "failed") {
        throw batchInvalid(
          `friend_batch_id: code batch ${next.friend_batch_id} is ${batch.kind !== "personal" ? "a bulk batch" : batch.status}: a referral gives codes from a personal batch that is not disabled`
        )
      }
    }
    const { program, before } = await loyalty.updateReferralProgram(next)
    return new StepResponse<ReferralProgramRow, ReferralProgramRow>(program, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await service(container).updateReferralProgram(before)
  }
)
