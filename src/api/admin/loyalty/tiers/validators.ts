import { z } from "@medusajs/framework/zod"
import { decimal } from "../../../utils/validators"

// Amounts and rates arrive as numbers or plain decimal strings; the workflow
// checks sign, precision and order against the other tiers and names the field.

const TierFields = {
  name: z.string().min(1).max(100),
  description: z.string().max(2000).nullish(),
  rank: z.number().int().min(0).max(1000),
  currency_code: z.string().length(3).toLowerCase(),
  min_spend: decimal("min_spend").nullish(),
  min_orders: z.number().int().min(0).max(1000000).nullish(),
  qualification_window: z.enum(["rolling", "calendar_year", "lifetime"]),
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
