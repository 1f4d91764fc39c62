import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

export const StoreGetWalletsParams = createFindParams({ offset: 0, limit: 20 }).merge(
  z.object({ currency_code: z.string().optional() })
)

export const StoreGetWalletTransactionsParams = createFindParams({
  offset: 0,
  limit: 20,
})
