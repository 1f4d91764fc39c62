import { z } from "@medusajs/framework/zod"

export type AdminSetCustomerTierType = z.infer<typeof AdminSetCustomerTier>
export const AdminSetCustomerTier = z
  .strictObject({
    pinned: z.boolean(),
    tier_id: z.string().min(1).nullish(),
    note: z.string().max(1000).nullish(),
  })
  .refine((b) => !b.pinned || !!b.tier_id, {
    message: "tier_id is required to pin a customer",
    path: ["tier_id"],
  })

export type AdminBalanceStatementType = z.infer<typeof AdminBalanceStatement>
export const AdminBalanceStatement = z.strictObject({
  currency_code: z.string().length(3).toLowerCase().optional(),
})
