import { z } from "@medusajs/framework/zod"
import { findParams } from "../../../utils/validators"

export type StoreGetReferralsParamsType = z.infer<typeof StoreGetReferralsParams>
export const StoreGetReferralsParams = findParams({ limit: 20, max: 50 })

/** A code as typed (spaces, dashes, Persian digits are fine); `device_id` is the storefront's own id of the device. */
export type StoreClaimReferralType = z.infer<typeof StoreClaimReferral>
export const StoreClaimReferral = z.strictObject({
  code: z.string().min(1).max(32),
  device_id: z.string().min(1).max(100).optional(),
})
