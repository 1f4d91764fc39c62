import { z } from "@medusajs/framework/zod"
import { decimal } from "../../../utils/validators"

export type AdminRegisterPurchaseType = z.infer<typeof AdminRegisterPurchase>
export const AdminRegisterPurchase = z.strictObject({
  phone: z.string().min(1).max(40),
  amount: decimal("amount"),
  currency_code: z.string().length(3).toLowerCase(),
  note: z.string().max(500).nullish(),
  /** A friend's referral code, claimed for the member before the purchase counts (channel till). */
  referral_code: z.string().min(1).max(32).nullish(),
})
