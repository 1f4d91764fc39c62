import { z } from "@medusajs/framework/zod"
import { findParams } from "../../../utils/validators"
import { StoreSendTransfer, TransferStatusFilter } from "../../../store/loyalty/transfers/validators"

export type AdminGetTransfersParamsType = z.infer<typeof AdminGetTransfersParams>
export const AdminGetTransfersParams = findParams({ limit: 20, max: 200 }).merge(
  z.object({ status: TransferStatusFilter, customer_id: z.string().min(1).max(100).optional() })
)

export type AdminGetCustomerTransfersParamsType = z.infer<typeof AdminGetCustomerTransfersParams>
export const AdminGetCustomerTransfersParams = findParams({ limit: 50, max: 200 }).merge(
  z.object({ status: TransferStatusFilter })
)

export type AdminSendTransferType = z.infer<typeof AdminSendTransfer>
export const AdminSendTransfer = StoreSendTransfer.extend({ customer_id: z.string().min(1).max(100) })
