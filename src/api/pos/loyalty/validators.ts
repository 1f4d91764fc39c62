import { z } from "@medusajs/framework/zod"
import { decimal } from "../../utils/validators"

export type PosGetMemberParamsType = z.infer<typeof PosGetMemberParams>
export const PosGetMemberParams = z.object({ phone: z.string().min(1).max(40) })

export type PosRegisterPurchaseType = z.infer<typeof PosRegisterPurchase>
export const PosRegisterPurchase = z.strictObject({
  phone: z.string().min(1).max(40),
  amount: decimal("amount"),
  currency_code: z.string().length(3).toLowerCase(),
  receipt_id: z.string().min(1).max(100),
  items: z
    .array(
      z.strictObject({
        variant_id: z.string().min(1).nullish(),
        title: z.string().max(200).nullish(),
        amount: decimal("items.amount"),
        quantity: z.number().int().min(1).max(10000).optional(),
      })
    )
    .max(100)
    .nullish(),
  note: z.string().max(500).nullish(),
  /** A friend's referral code, claimed for a member's first purchase here (channel till). */
  referral_code: z.string().min(1).max(32).nullish(),
})

export type PosRedeemCodeType = z.infer<typeof PosRedeemCode>
export const PosRedeemCode = z.strictObject({ phone: z.string().min(1).max(40) })

export type PosRedeemType = z.infer<typeof PosRedeem>
export const PosRedeem = z.strictObject({
  /** The customer's one-time code, when the shop asks for one. */
  code: z.string().min(1).max(12).nullish(),
  phone: z.string().min(1).max(40),
  amount: decimal("amount"),
  currency_code: z.string().length(3).toLowerCase(),
  receipt_id: z.string().min(1).max(100),
  note: z.string().max(500).nullish(),
})
