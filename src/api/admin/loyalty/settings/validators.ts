import { z } from "@medusajs/framework/zod"

export type AdminUpdateLoyaltySettingsType = z.infer<typeof AdminUpdateLoyaltySettings>
export const AdminUpdateLoyaltySettings = z.strictObject({
  clawback_strategy: z.enum(["partial", "force_negative", "skip"]).optional(),
  include_credit_paid: z.boolean().optional(),
})
