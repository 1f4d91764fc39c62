import { z } from "@medusajs/framework/zod"

export type AdminRegisterPurchaseType = z.infer<typeof AdminRegisterPurchase>
export const AdminRegisterPurchase = z.strictObject({
  phone: z.string().min(1).max(40),
  amount: z.union([z.string(), z.number()]),
  currency_code: z.string().length(3).toLowerCase(),
  note: z.string().max(500).nullish(),
})
