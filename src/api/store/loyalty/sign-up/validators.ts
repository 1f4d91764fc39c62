import { z } from "@medusajs/framework/zod"
import { BirthdayBody } from "../birthday/validators"

export type StoreSignUpType = z.infer<typeof StoreSignUp>
export const StoreSignUp = z.strictObject({ phone: z.string().min(1).max(40) })

export type StoreSignUpVerifyType = z.infer<typeof StoreSignUpVerify>
export const StoreSignUpVerify = z.strictObject({
  phone: z.string().min(1).max(40),
  code: z.string().min(1).max(12),
  /** Optional: the member's birthday, as the birthday route takes it. */
  birthday: BirthdayBody.optional(),
  /** Optional: a friend's referral code, claimed for the member (channel kiosk). */
  referral_code: z.string().min(1).max(32).optional(),
})
