import { z } from "@medusajs/framework/zod"

export type AdminUpdateLoyaltySettingsType = z.infer<typeof AdminUpdateLoyaltySettings>
export const AdminUpdateLoyaltySettings = z.strictObject({
  clawback_strategy: z.enum(["partial", "force_negative", "skip"]).optional(),
  include_credit_paid: z.boolean().optional(),
  credit_pays_shipping: z.boolean().optional(),
  max_credit_share: z.number().int().min(1).max(100).nullable().optional(),
  // Amounts per currency; the workflow checks codes and precision.
  min_redeem_balance: z.record(z.string(), z.union([z.string(), z.number()])).nullable().optional(),
  auto_apply: z.boolean().optional(),
  tier_grace_days: z.number().int().min(0).max(3650).optional(),
})
