import { z } from "@medusajs/framework/zod"

export type AdminRefundOrderToWalletType = z.infer<typeof AdminRefundOrderToWallet>
// The workflow checks sign and precision in the order's currency.
export const AdminRefundOrderToWallet = z.strictObject({
  amount: z.union([z.string(), z.number()]),
  note: z.string().max(500).optional(),
})
