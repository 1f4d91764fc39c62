import { z } from "@medusajs/framework/zod"
import { parseRuleNames } from "../../../../utils/cashback-rule-validation"
import { decimal, findParams } from "../../../utils/validators"

// Amounts and rates arrive as numbers or plain decimal strings; the workflow
// checks sign, bounds and precision and names the field.
const ids = z.array(z.string().min(1)).max(1000)
const date = z.coerce.date()

const Scope = z.strictObject({
  product_ids: ids.nullish(),
  category_ids: ids.nullish(),
  collection_ids: ids.nullish(),
  type_ids: ids.nullish(),
  tag_ids: ids.nullish(),
  exclude_product_ids: ids.nullish(),
  exclude_category_ids: ids.nullish(),
  exclude_collection_ids: ids.nullish(),
  exclude_type_ids: ids.nullish(),
  exclude_tag_ids: ids.nullish(),
})

const Multiplier = z.strictObject({
  value: decimal("multiplier.value"),
  starts_at: date.nullish(),
  ends_at: date.nullish(),
})

/**
 * The names shoppers read, per language: `{ "fa": "۳٪ کش‌بک قهوه", "en":
 * "3% back on coffee" }`. Each is trimmed and at most 100 characters; an
 * empty one is left out, none at all is null (shoppers then read `name`).
 * An update replaces the whole object.
 */
const names = z.unknown().transform(parseRuleNames)

const RuleFields = {
  name: z.string().min(1).max(200),
  names: names.optional(),
  description: z.string().max(2000).nullish(),
  is_active: z.boolean(),
  priority: z.number().int().min(-1000).max(1000),
  currency_code: z.string().length(3).toLowerCase().nullish(),
  type: z.enum(["percent", "fixed"]),
  value: decimal("value"),
  min_subtotal: decimal("min_subtotal").nullish(),
  max_amount: decimal("max_amount").nullish(),
  expires_after_days: z.number().int().min(1).max(3650).nullish(),
  release: z.enum(["placed", "fulfilled", "hold"]),
  hold_days: z.number().int().min(1).max(365).nullish(),
  scope: Scope.nullish(),
  customer_group_ids: ids.nullish(),
  min_previous_orders: z.number().int().min(0).nullish(),
  tier_ids: ids.nullish(),
  // Saved segments (loyalty_segment ids): only their members earn; the
  // workflow checks they exist (loyalty_segment_ids_invalid).
  segment_ids: z.array(z.string().min(1).max(100)).max(50).nullish(),
  use_tier_rate: z.boolean(),
  use_tier_multiplier: z.boolean(),
  sales_channel_ids: ids.nullish(),
  starts_at: date.nullish(),
  ends_at: date.nullish(),
  multiplier: Multiplier.nullish(),
  combination: z.enum(["best", "stack"]),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

export type AdminCreateCashbackRuleType = z.infer<typeof AdminCreateCashbackRule>
export const AdminCreateCashbackRule = z.strictObject({
  ...RuleFields,
  is_active: RuleFields.is_active.optional(),
  priority: RuleFields.priority.optional(),
  release: RuleFields.release.optional(),
  combination: RuleFields.combination.optional(),
  use_tier_rate: RuleFields.use_tier_rate.optional(),
  use_tier_multiplier: RuleFields.use_tier_multiplier.optional(),
})

export type AdminUpdateCashbackRuleType = z.infer<typeof AdminUpdateCashbackRule>
export const AdminUpdateCashbackRule = z.strictObject(RuleFields).partial()

export type AdminGetCashbackRulesParamsType = z.infer<typeof AdminGetCashbackRulesParams>
export const AdminGetCashbackRulesParams = findParams({ limit: 50, max: 200 }).merge(
  z.object({
    is_active: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    currency_code: z.string().optional(),
  })
)
