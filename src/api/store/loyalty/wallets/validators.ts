import { z } from "@medusajs/framework/zod"
import { findParams } from "../../../utils/validators"

export const StoreGetWalletsParams = findParams({ limit: 20, max: 100 }).merge(
  z.object({ currency_code: z.string().optional() })
)

export const StoreGetWalletTransactionsParams = findParams({ limit: 20, max: 100 })
