import { z } from "@medusajs/framework/zod"
import { findParams } from "../../../utils/validators"

// `rating=1,2` (or `rating=1&rating=2`): whole numbers from 1 to 5.
const ratings = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx) => {
    const parts = (Array.isArray(value) ? value : value.split(",")).map((p) => p.trim()).filter(Boolean)
    if (parts.length > 5 || parts.some((p) => !/^[1-5]$/.test(p))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "rating must list whole numbers from 1 to 5, e.g. 1,2" })
      return z.NEVER
    }
    return Array.from(new Set(parts.map(Number)))
  })

const moment = z.coerce.date()

const filters = {
  channel: z.enum(["online", "till"]).optional(),
  location: z.string().min(1).max(200).optional(),
  from: moment.optional(),
  to: moment.optional(),
}

export type AdminGetFeedbackParamsType = z.infer<typeof AdminGetFeedbackParams>
export const AdminGetFeedbackParams = findParams({ limit: 20, max: 200 }).merge(
  z.object({ ...filters, rating: ratings.optional() })
)

export type AdminGetFeedbackStatsParamsType = z.infer<typeof AdminGetFeedbackStatsParams>
export const AdminGetFeedbackStatsParams = z.object({
  ...filters,
  interval: z.enum(["week", "month"]).optional().default("week"),
  // Left out: the shop's (Persian for a shop whose default language is Persian).
  calendar: z.enum(["gregorian", "persian"]).optional(),
})
