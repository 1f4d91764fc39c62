import { z } from "@medusajs/framework/zod"
import { decimal } from "../../../utils/validators"

export type AdminUpdateOccasionType = z.infer<typeof AdminUpdateOccasion>
export const AdminUpdateOccasion = z.strictObject({
  enabled: z.boolean().optional(),
  gift_type: z.enum(["none", "code", "credit"]).optional(),
  batch_id: z.string().min(1).max(100).nullable().optional(),
  // Amounts per currency; the workflow checks codes and precision.
  credit_amount: z
    .record(z.string().max(10), decimal("credit_amount"))
    .refine((amounts) => Object.keys(amounts).length <= 20, { message: "credit_amount takes at most 20 currencies" })
    .nullable()
    .optional(),
  credit_valid_days: z.number().int().min(1).max(3650).nullable().optional(),
  days_before: z.number().int().min(0).max(60).optional(),
  after_days: z.number().int().min(0).max(3650).nullable().optional(),
})
