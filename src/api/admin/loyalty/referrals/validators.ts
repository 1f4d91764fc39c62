import { z } from "@medusajs/framework/zod"
import { REFERRAL_STATUSES } from "../../../../modules/loyalty-club/services/referral-reads"
import { invalidField } from "../../../../utils/error-codes"
import { decimal, findParams } from "../../../utils/validators"

// Amounts per currency: the workflow checks the codes, sign and the
// currency's decimals and names the field (`friend_credit.irr`).
const perCurrency = (field: string) =>
  z
    .record(z.string().max(10), decimal(field))
    .refine((amounts) => Object.keys(amounts).length <= 20, { message: `${field} takes at most 20 currencies` })
    .nullable()
    .optional()

const days = (min: number, max: number) => z.number().int().min(min).max(max)

/** A storefront address: http(s), at most 500 characters; a bad one is a 400 naming `share_url`. */
const shareUrl = z
  .unknown()
  .transform((value) => {
    if (value === null) {
      return null
    }
    let url: URL | null = null
    try {
      url = typeof value === "string" && value.length <= 500 ? new URL(value) : null
    } catch {
      url = null
    }
    if (!url || !["http:", "https:"].includes(url.protocol)) {
      throw invalidField(
        "share_url",
        `share_url must be an http(s) address of at most 500 characters such as https://shop.example.com/join, got ${String(
          JSON.stringify(value)
        ).slice(0, 60)}`
      )
    }
    return value as string
  })
  .optional()

/** The programme's settings; fields left out keep their value. */
export type AdminUpdateReferralProgramType = z.infer<typeof AdminUpdateReferralProgram>
export const AdminUpdateReferralProgram = z.strictObject({
  enabled: z.boolean().optional(),
  friend_gift_type: z.enum(["code", "credit", "none"]).optional(),
  friend_batch_id: z.string().min(1).max(100).nullable().optional(),
  friend_credit: perCurrency("friend_credit"),
  friend_credit_valid_days: days(1, 3650).optional(),
  min_order_amount: perCurrency("min_order_amount"),
  referrer_credit: perCurrency("referrer_credit"),
  referrer_credit_valid_days: days(1, 3650).nullable().optional(),
  hold_days: days(0, 365).optional(),
  // Bounds (0 < p <= 100, two decimals) are the workflow's, with the field's code.
  referrer_percent: decimal("referrer_percent").nullable().optional(),
  referrer_orders: days(0, 100).optional(),
  referrer_monthly_cap: days(1, 100000).optional(),
  daily_source_limit: days(1, 100000).optional(),
  credit_share_hold: days(1, 100).optional(),
  require_verified_phone: z.boolean().optional(),
  share_url: shareUrl,
})

export type AdminGetReferralsParamsType = z.infer<typeof AdminGetReferralsParams>
export const AdminGetReferralsParams = findParams({ limit: 20, max: 100 }).merge(
  z.object({
    status: z.enum(REFERRAL_STATUSES).optional(),
    q: z.string().max(100).optional(),
    referrer_id: z.string().min(1).max(100).optional(),
  })
)

export type AdminRefuseReferralType = z.infer<typeof AdminRefuseReferral>
export const AdminRefuseReferral = z.strictObject({ reason: z.string().max(500).nullish() })

export const AdminApproveReferral = z.strictObject({})

export type AdminGetTopReferrersParamsType = z.infer<typeof AdminGetTopReferrersParams>
export const AdminGetTopReferrersParams = z.object({
  limit: z.preprocess(
    (v) => (typeof v === "string" && /^-?\d{1,9}$/.test(v) ? Number(v) : v),
    z.number().int().min(1).max(50).optional().default(10)
  ),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
})
