import { z } from "@medusajs/framework/zod"
import { isKnownCurrency } from "../../../../utils/money"

export type StoreGetCashbackPreviewParamsType = z.infer<typeof StoreGetCashbackPreviewParams>
export const StoreGetCashbackPreviewParams = z
  .object({
    cart_id: z.string().min(1).optional(),
    variant_id: z.string().min(1).optional(),
    quantity: z.coerce.number().int().min(1).max(10000).optional(),
    region_id: z.string().min(1).optional(),
    // Checked here so an unknown code is blamed on itself, not on the
    // variant that has no price in it.
    currency_code: z
      .string()
      .length(3)
      .superRefine((code, ctx) => {
        if (!isKnownCurrency(code)) {
          ctx.addIssue({
            code: "custom",
            message: `currency_code: ${code.toUpperCase()} is not a known currency code`,
          })
        }
      })
      .transform((code) => code.toLowerCase())
      .optional(),
  })
  .strict()
  .refine((q) => !!q.cart_id !== !!q.variant_id, {
    message: "Give either cart_id or variant_id",
    path: ["cart_id"],
  })
  .refine((q) => !q.variant_id || !!q.region_id || !!q.currency_code, {
    message: "region_id or currency_code is required with variant_id",
    path: ["region_id"],
  })
