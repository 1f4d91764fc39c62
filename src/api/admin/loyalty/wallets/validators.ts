import { z } from "@medusajs/framework/zod"
import { decimal, findParams } from "../../../utils/validators"

// Amounts arrive as JSON numbers or plain decimal strings ("150000"); the
// ledger checks sign and precision against the wallet's currency.
const amount = decimal("amount")

export type AdminGetWalletsParamsType = z.infer<typeof AdminGetWalletsParams>
export const AdminGetWalletsParams = findParams({ limit: 20, max: 200 }).merge(
  z.object({
    customer_id: z.union([z.string(), z.array(z.string())]).optional(),
    currency_code: z.union([z.string(), z.array(z.string())]).optional(),
    status: z.enum(["active", "frozen"]).optional(),
  })
)

export type AdminGetWalletTransactionsParamsType = z.infer<
  typeof AdminGetWalletTransactionsParams
>
export const AdminGetWalletTransactionsParams = findParams({ limit: 20, max: 200 })

export type AdminCreateWalletType = z.infer<typeof AdminCreateWallet>
export const AdminCreateWallet = z.strictObject({
  customer_id: z.string().min(1),
  currency_code: z.string().min(3).max(3),
})

export type AdminCreditWalletType = z.infer<typeof AdminCreditWallet>
export const AdminCreditWallet = z.strictObject({
  amount,
  note: z.string().max(500).optional(),
  expires_at: z.coerce
    .date()
    .refine((d) => d.getTime() > Date.now(), {
      message: "expires_at must be in the future",
    })
    .optional(),
})

export type AdminDebitWalletType = z.infer<typeof AdminDebitWallet>
export const AdminDebitWallet = z.strictObject({
  amount,
  note: z.string().max(500).optional(),
})
