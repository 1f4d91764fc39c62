import { z } from "@medusajs/framework/zod"
import { invalidField } from "../../../../utils/error-codes"
import { decimal, findParams } from "../../../utils/validators"

// A whole number in a range, as a JSON number or digits; out of range is a
// 400 naming the field, with the field's own code where it has one
// (holdout_percent: loyalty_holdout_percent_invalid).
const whole = (field: string, min: number, max: number) =>
  z.union([z.number(), z.string()]).transform((value) => {
    const n = typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : value
    if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
      throw invalidField(field, `${field} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`)
    }
    return n
  })

const when = z.union([z.string().max(40), z.date()])

const bodies = z.strictObject({
  fa: z.string().max(1000).nullable().optional(),
  en: z.string().max(1000).nullable().optional(),
})

const gift = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("code"), batch_id: z.string().min(1).max(100) }),
    z.strictObject({
      type: z.literal("credit"),
      // Amounts per currency; the workflow checks codes and precision.
      amounts: z
        .record(z.string().max(10), decimal("gift.amounts"))
        .refine((a) => Object.keys(a).length <= 20, { message: "gift.amounts takes at most 20 currencies" }),
      expires_after_days: z.number().int().min(1).max(3650).nullable().optional(),
    }),
  ])
  .nullable()

export type AdminCreateCampaignType = z.infer<typeof AdminCreateCampaign>
export const AdminCreateCampaign = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(["campaign", "automation"]).optional(),
  segment_id: z.string().min(1).max(100),
  bodies,
  gift: gift.optional(),
  holdout_percent: whole("holdout_percent", 0, 50).optional(),
  throttle_per_minute: whole("throttle_per_minute", 1, 6000).nullable().optional(),
  window_days: whole("window_days", 1, 90).optional(),
  cooldown_days: whole("cooldown_days", 1, 365).nullable().optional(),
  scheduled_at: when.nullable().optional(),
})

export type AdminUpdateCampaignType = z.infer<typeof AdminUpdateCampaign>
export const AdminUpdateCampaign = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  segment_id: z.string().min(1).max(100).optional(),
  bodies: bodies.optional(),
  gift: gift.optional(),
  holdout_percent: whole("holdout_percent", 0, 50).optional(),
  throttle_per_minute: whole("throttle_per_minute", 1, 6000).nullable().optional(),
  window_days: whole("window_days", 1, 90).optional(),
  cooldown_days: whole("cooldown_days", 1, 365).nullable().optional(),
  scheduled_at: when.nullable().optional(),
  is_active: z.boolean().optional(),
})

export type AdminSendCampaignType = z.infer<typeof AdminSendCampaign>
export const AdminSendCampaign = z.strictObject({ scheduled_at: when.nullable().optional() })

export type AdminPreviewCampaignType = z.infer<typeof AdminPreviewCampaign>
export const AdminPreviewCampaign = z.strictObject({
  segment_id: z.string().min(1).max(100),
  bodies,
  gift: gift.optional(),
  holdout_percent: whole("holdout_percent", 0, 50).optional(),
})

export type AdminListCampaignsType = z.infer<typeof AdminListCampaigns>
export const AdminListCampaigns = findParams({ limit: 20, max: 100 }).extend({
  kind: z.enum(["campaign", "automation"]).optional(),
  status: z.enum(["draft", "scheduled", "queuing", "sending", "paused", "done", "canceled"]).optional(),
})

/** Pause, resume, cancel: no body. */
export const AdminCampaignAction = z.strictObject({})

export const AdminCustomerCampaignsParams = z.strictObject({})
