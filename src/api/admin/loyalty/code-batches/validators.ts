import { z } from "@medusajs/framework/zod"
import { decimal, findParams } from "../../../utils/validators"

// Amounts reach the workflow as strings or numbers; it checks sign, bounds
// and the currency's decimals and names the field (`max_discount.irr`).
const amount = z.union([z.string().max(40), z.number()])
const perCurrency = z
  .record(z.string().min(3).max(3), amount)
  .refine((v) => Object.keys(v).length <= 20, { message: "at most 20 currencies" })
const ids = z.array(z.string().min(1).max(100)).max(1000)
const date = z.coerce.date()

export type AdminCreateCodeBatchType = z.infer<typeof AdminCreateCodeBatch>
export const AdminCreateCodeBatch = z.strictObject({
  name: z.string().min(1).max(200),
  kind: z.enum(["bulk", "personal"]),
  discount_type: z.enum(["percentage", "fixed"]),
  target: z.enum(["items", "order", "shipping"]).optional(),
  value: decimal("value"),
  currency_code: z.string().length(3).nullish(),
  max_discount: perCurrency.nullish(),
  min_basket: perCurrency.nullish(),
  starts_at: date.nullish(),
  ends_at: date.nullish(),
  valid_days: z.number().int().min(1).max(3650).nullish(),
  product_ids: ids.nullish(),
  category_ids: ids.nullish(),
  customer_group_ids: ids.nullish(),
  // Saved segments (loyalty_segment ids): only their members may use the
  // codes; the workflow checks they exist (loyalty_segment_ids_invalid).
  segment_ids: z.array(z.string().min(1).max(100)).max(50).nullish(),
  prefix: z.string().max(40).nullish(),
  // Bounds are the workflow's (1..100,000), with the field's own code.
  quantity: z.number().nullish(),
  budget: z
    .strictObject({
      type: z.enum(["usage", "spend"]),
      limit: decimal("budget.limit"),
      currency_code: z.string().length(3).nullish(),
    })
    .nullish(),
})

export type AdminGetCodeBatchesParamsType = z.infer<typeof AdminGetCodeBatchesParams>
export const AdminGetCodeBatchesParams = findParams({ limit: 20, max: 100 }).merge(
  z.object({
    kind: z.enum(["bulk", "personal"]).optional(),
    status: z.enum(["creating", "active", "disabled", "failed"]).optional(),
    q: z.string().max(100).optional(),
  })
)

export type AdminGetBatchCodesParamsType = z.infer<typeof AdminGetBatchCodesParams>
export const AdminGetBatchCodesParams = findParams({ limit: 50, max: 100 }).merge(
  z.object({ q: z.string().max(40).optional() })
)

export type AdminIssueCodeType = z.infer<typeof AdminIssueCode>
export const AdminIssueCode = z.strictObject({
  customer_id: z.string().min(1).max(100),
  expires_at: date.nullish(),
})

/** The gift lists (admin widget and the shopper's own): at most 50 a page. */
export type GetGiftsParamsType = z.infer<typeof GetGiftsParams>
export const GetGiftsParams = findParams({ limit: 20, max: 50 })
