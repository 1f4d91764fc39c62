import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { LoyaltyErrorCode, loyaltyError } from "../../../../utils/error-codes"
import { TIER_NAME_LANGUAGES, TierNames } from "../../../../utils/tiers"
import { decimal } from "../../../utils/validators"

// Amounts and rates arrive as numbers or plain decimal strings; the workflow
// checks sign, precision and order against the other tiers and names the field.

const TIER_NAME_MAX = 100

const badNames = (message: string) =>
  loyaltyError(MedusaError.Types.INVALID_DATA, message, LoyaltyErrorCode.TIER_NAMES_INVALID)

/**
 * The names shoppers read, per language: `{ "fa": "طلایی", "en": "Gold" }`.
 * Each is trimmed and at most 100 characters; an empty one is left out, and
 * none at all is null (shoppers then read `name`).
 */
const names = z.unknown().transform((value): TierNames | null | undefined => {
  if (value === undefined || value === null) {
    return value
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw badNames(`names must be an object of names per language like { "fa": "طلایی", "en": "Gold" }`)
  }
  const out: TierNames = {}
  for (const [language, name] of Object.entries(value as Record<string, unknown>)) {
    if (!(TIER_NAME_LANGUAGES as readonly string[]).includes(language)) {
      throw badNames(`names has no language ${language} (languages: ${TIER_NAME_LANGUAGES.join(", ")})`)
    }
    if (name === null || name === undefined) {
      continue
    }
    if (typeof name !== "string") {
      throw badNames(`names.${language} must be text, got ${typeof name}`)
    }
    const text = name.trim()
    if (text.length > TIER_NAME_MAX) {
      throw badNames(`names.${language} must be at most ${TIER_NAME_MAX} characters, got ${text.length}`)
    }
    if (text) {
      out[language as keyof TierNames] = text
    }
  }
  return Object.keys(out).length ? out : null
})

const TierFields = {
  name: z.string().min(1).max(TIER_NAME_MAX),
  names: names.optional(),
  description: z.string().max(2000).nullish(),
  rank: z.number().int().min(0).max(1000),
  currency_code: z.string().length(3).toLowerCase(),
  min_spend: decimal("min_spend").nullish(),
  min_orders: z.number().int().min(0).max(1000000).nullish(),
  qualification_window: z.enum(["rolling", "calendar_year", "jalali_year", "lifetime"]),
  window_days: z.number().int().min(1).max(3650).nullish(),
  cashback_rate: decimal("cashback_rate").nullish(),
  cashback_multiplier: decimal("cashback_multiplier").nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

export type AdminCreateTierType = z.infer<typeof AdminCreateTier>
export const AdminCreateTier = z.strictObject({
  ...TierFields,
  qualification_window: TierFields.qualification_window.optional(),
})

export type AdminUpdateTierType = z.infer<typeof AdminUpdateTier>
export const AdminUpdateTier = z.strictObject(TierFields).partial()

export type AdminEvaluateTiersType = z.infer<typeof AdminEvaluateTiers>
export const AdminEvaluateTiers = z.strictObject({})
