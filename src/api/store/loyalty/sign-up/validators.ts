import { z } from "@medusajs/framework/zod"

export type StoreSignUpType = z.infer<typeof StoreSignUp>
export const StoreSignUp = z.strictObject({ phone: z.string().min(1).max(40) })

export type StoreSignUpVerifyType = z.infer<typeof StoreSignUpVerify>
export const StoreSignUpVerify = z.strictObject({
  phone: z.string().min(1).max(40),
  code: z.string().min(1).max(12),
})
