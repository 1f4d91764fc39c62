import { z } from "@medusajs/framework/zod"
import { decimal } from "../../../utils/validators"

export type AdminRefundOrderToWalletType = z.infer<typeof AdminRefundOrderToWallet>
// The workflow checks sign and precision in the order's currency.
export const AdminRefundOrderToWallet = z.strictObject({
  amount: decimal("amount"),
  note: z.string().max(500).optional(),
})
