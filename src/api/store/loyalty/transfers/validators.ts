import { z } from "@medusajs/framework/zod"
import { decimal, findParams } from "../../../utils/validators"

const statuses = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z.array(z.enum(["pending", "claimed", "returned"]))
  )
  .optional()

/** The statuses a transfer list may be narrowed to (`status=pending,claimed` or repeated). */
export const TransferStatusFilter = statuses

export type StoreGetTransfersParamsType = z.infer<typeof StoreGetTransfersParams>
export const StoreGetTransfersParams = findParams({ limit: 20, max: 100 }).merge(
  z.object({ status: statuses })
)

export type StoreSendTransferType = z.infer<typeof StoreSendTransfer>
export const StoreSendTransfer = z.strictObject({
  currency_code: z.string().min(1).max(10),
  amount: decimal("amount"),
  phone: z.string().min(1).max(40),
  message: z.string().max(140).nullish(),
})

export type StoreClaimTransferType = z.infer<typeof StoreClaimTransfer>
export const StoreClaimTransfer = z.strictObject({
  token: z.string().min(1).max(256),
  code: z.string().min(1).max(12).nullish(),
})

export type StoreClaimCodeType = z.infer<typeof StoreClaimCode>
export const StoreClaimCode = z.strictObject({ token: z.string().min(1).max(256) })
