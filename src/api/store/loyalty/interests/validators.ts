import { z } from "@medusajs/framework/zod"

/** The shopper's interests take no query: they are always the signed-in shopper's own. */
export const StoreInterestsParams = z.strictObject({})
