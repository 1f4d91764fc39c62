// A campaign's (or automation's) form: its values as typed, the schema
// (every error at its field at once, in words), the API body, and the field
// an API error code is about.
import type { TFunction } from "i18next"
import { FieldPath } from "react-hook-form"
import { z } from "zod"
import { amountsToBody } from "../../../../lib/amounts"
import {
  Campaign,
  CAMPAIGN_VARIABLES,
  CampaignGift,
  CampaignInput,
  CampaignKind,
  pickedToShopInstant,
  shopInstantToPicked,
} from "../../../../lib/campaigns"
import { unknownVariables } from "../../../../lib/messages"
import { amountSchema, textSchema, wholeNumberSchema } from "../../../../lib/schema"

export type CampaignValues = {
  name: string
  segment_id: string
  body_fa: string
  body_en: string
  gift_type: "none" | "code" | "credit"
  batch_id: string
  credit_amount: Record<string, string>
  credit_valid_days: string
  holdout_percent: string
  throttle_per_minute: string
  window_days: string
  cooldown_days: string
  when: "now" | "later"
  /** The picker's instant (the browser's clock); read as the shop's on submit. */
  scheduled_at: string
}

// The API's bounds (src/api/admin/loyalty/campaigns/validators.ts).
export const CAMPAIGN_BOUNDS = {
  body: 1000,
  name: 200,
  holdout: { min: 0, max: 50 },
  throttle: { min: 1, max: 6000 },
  window: { min: 1, max: 90 },
  cooldown: { min: 1, max: 365 },
  validDays: { min: 1, max: 3650 },
}

const text = (n: number | null | undefined) => (n == null ? "" : String(n))

export function campaignValues(
  c: Campaign | null,
  currencies: string[],
  timeZone: string | undefined,
  segmentId = ""
): CampaignValues {
  const credit = c?.gift?.type === "credit" ? c.gift : null
  return {
    name: c?.name ?? "",
    segment_id: c?.segment_id ?? segmentId,
    body_fa: c?.bodies.fa ?? "",
    body_en: c?.bodies.en ?? "",
    gift_type: c?.gift?.type ?? "none",
    batch_id: c?.gift?.type === "code" ? c.gift.batch_id : "",
    credit_amount: Object.fromEntries(
      Array.from(new Set([...currencies, ...Object.keys(credit?.amounts ?? {})])).map((cur) => [
        cur,
        credit?.amounts[cur] ?? "",
      ])
    ),
    credit_valid_days: text(credit?.expires_after_days ?? 30),
    holdout_percent: text(c?.holdout_percent ?? 10),
    throttle_per_minute: text(c?.throttle_per_minute),
    window_days: text(c?.window_days ?? 14),
    cooldown_days: text(c?.cooldown_days ?? 30),
    when: c?.scheduled_at ? "later" : "now",
    scheduled_at: c?.scheduled_at ? shopInstantToPicked(c.scheduled_at, timeZone).toISOString() : "",
  }
}

export function giftOf(v: CampaignValues): CampaignGift {
  if (v.gift_type === "code") return { type: "code", batch_id: v.batch_id }
  if (v.gift_type === "credit") {
    return {
      type: "credit",
      amounts: amountsToBody(v.credit_amount) ?? {},
      expires_after_days: v.credit_valid_days.trim() ? Number(v.credit_valid_days) : null,
    }
  }
  return null
}

export const bodiesOf = (v: Pick<CampaignValues, "body_fa" | "body_en">) => {
  const bodies: { fa?: string; en?: string } = {}
  if (v.body_fa.trim()) bodies.fa = v.body_fa.trim()
  if (v.body_en.trim()) bodies.en = v.body_en.trim()
  return bodies
}

export function campaignBody(v: CampaignValues, kind: CampaignKind, timeZone: string | undefined): CampaignInput {
  const body: CampaignInput = {
    name: v.name.trim(),
    kind,
    segment_id: v.segment_id,
    bodies: bodiesOf(v),
    gift: giftOf(v),
    holdout_percent: Number(v.holdout_percent),
    throttle_per_minute: v.throttle_per_minute.trim() ? Number(v.throttle_per_minute) : null,
    window_days: Number(v.window_days),
  }
  if (kind === "automation") {
    body.cooldown_days = Number(v.cooldown_days)
  } else {
    body.scheduled_at =
      v.when === "later" && v.scheduled_at
        ? pickedToShopInstant(new Date(v.scheduled_at), timeZone).toISOString()
        : null
  }
  return body
}

type Path = (string | number)[]

export function campaignSchema(kind: CampaignKind, t: TFunction, number: (n: number) => string, timeZone?: string) {
  const B = CAMPAIGN_BOUNDS
  const whole = (bounds: { min: number; max: number }, optional = false) =>
    wholeNumberSchema(t, { ...bounds, optional, format: number })
  const amount = amountSchema(t, { optional: true })
  const isolate = (s: string) => `\u2066${s}\u2069`
  return z
    .object({
      name: textSchema(t, { max: B.name }),
      segment_id: z.string().refine((v) => v !== "", t("campaigns.form.segmentRequired")),
      body_fa: z.string(),
      body_en: z.string(),
      gift_type: z.enum(["none", "code", "credit"]),
      batch_id: z.string(),
      credit_amount: z.record(z.string(), z.string()),
      credit_valid_days: z.string(),
      holdout_percent: whole(B.holdout),
      throttle_per_minute: whole(B.throttle, true),
      window_days: whole(B.window),
      cooldown_days: z.string(),
      when: z.enum(["now", "later"]),
      scheduled_at: z.string(),
    })
    .superRefine((v: CampaignValues, ctx) => {
      const check = (schema: z.ZodType, value: unknown, path: Path) => {
        const result = schema.safeParse(value)
        if (!result.success) ctx.addIssue({ code: "custom", path, message: result.error.issues[0].message })
        return result.success
      }
      if (!v.body_fa.trim() && !v.body_en.trim()) {
        ctx.addIssue({ code: "custom", path: ["body_fa"], message: t("campaigns.form.bodyRequired") })
      }
      for (const key of ["body_fa", "body_en"] as const) {
        if (v[key].length > B.body) {
          ctx.addIssue({ code: "custom", path: [key], message: t("common.validation.tooLong", { max: B.body }) })
        }
        const unknown = unknownVariables(v[key], CAMPAIGN_VARIABLES)
        if (unknown.length) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: t("campaigns.form.unknownVariable", { variable: isolate(`{${unknown[0]}}`) }),
          })
        }
      }
      if (v.gift_type === "code" && !v.batch_id) {
        ctx.addIssue({ code: "custom", path: ["batch_id"], message: t("campaigns.form.batchRequired") })
      }
      if (v.gift_type === "credit") {
        const entries = Object.entries(v.credit_amount)
        let any = false
        for (const [currency, value] of entries) {
          if (check(amount, value, ["credit_amount", currency]) && value) any = true
        }
        if (!any && entries[0]) {
          ctx.addIssue({ code: "custom", path: ["credit_amount", entries[0][0]], message: t("campaigns.form.creditRequired") })
        }
        check(whole(B.validDays, true), v.credit_valid_days, ["credit_valid_days"])
      }
      if (kind === "automation") {
        check(whole(B.cooldown), v.cooldown_days, ["cooldown_days"])
      } else if (v.when === "later") {
        if (!v.scheduled_at) {
          ctx.addIssue({ code: "custom", path: ["scheduled_at"], message: t("campaigns.form.whenRequired") })
        } else if (pickedToShopInstant(new Date(v.scheduled_at), timeZone).getTime() <= Date.now()) {
          ctx.addIssue({ code: "custom", path: ["scheduled_at"], message: t("campaigns.form.whenPast") })
        }
      }
    })
}

/** The form field an API error code is about. */
export function fieldOfCode(code: string | undefined, v: CampaignValues): FieldPath<CampaignValues> | undefined {
  const firstCurrency = Object.keys(v.credit_amount).find((c) => v.credit_amount[c]) ?? Object.keys(v.credit_amount)[0]
  switch (code) {
    case "loyalty_segment_not_found":
      return "segment_id"
    case "loyalty_campaign_body_invalid":
      return v.body_fa.trim() ? "body_fa" : "body_en"
    case "loyalty_campaign_gift_invalid":
    case "loyalty_code_batch_not_found":
    case "loyalty_code_batch_not_personal":
    case "loyalty_code_batch_disabled":
      return v.gift_type === "code" ? "batch_id" : firstCurrency ? `credit_amount.${firstCurrency}` : undefined
    case "loyalty_campaign_schedule_invalid":
      return "scheduled_at"
    case "loyalty_holdout_percent_invalid":
      return "holdout_percent"
    default:
      return undefined
  }
}
