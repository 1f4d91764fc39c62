import { model } from "@medusajs/framework/utils"

/**
 * A shop's cashback rule. The fields mirror the rules engine's input
 * (src/utils/cashback-engine/); `scope`, `multiplier` and the id lists are
 * JSON because they are read whole, never queried by part.
 */
const CashbackRule = model
  .define(
    { name: "CashbackRule", tableName: "loyalty_cashback_rule" },
    {
      id: model.id({ prefix: "lcbr" }).primaryKey(),
      /** The shop's own name for the rule (admin, reports, the ledger's note). */
      name: model.text(),
      /**
       * The name shoppers read, per language (`{ fa?, en? }`): store API,
       * till. A language missing here falls back to `name`.
       */
      names: model.json().nullable(),
      description: model.text().nullable(),
      is_active: model.boolean().default(true),
      priority: model.number().default(0),
      currency_code: model.text().nullable(),
      type: model.enum(["percent", "fixed"]),
      value: model.bigNumber(),
      min_subtotal: model.bigNumber().nullable(),
      max_amount: model.bigNumber().nullable(),
      expires_after_days: model.number().nullable(),
      release: model.enum(["placed", "fulfilled", "hold"]).default("placed"),
      hold_days: model.number().nullable(),
      scope: model.json().nullable(),
      customer_group_ids: model.json().nullable(),
      min_previous_orders: model.number().nullable(),
      tier_ids: model.json().nullable(),
      /** Only customers in one of these saved segments (loyalty_segment ids). */
      segment_ids: model.json().nullable(),
      /** Percent rules: pay the customer's tier's cashback rate when it has one. */
      use_tier_rate: model.boolean().default(false),
      /** Multiply by the customer's tier's cashback multiplier when it has one. */
      use_tier_multiplier: model.boolean().default(false),
      sales_channel_ids: model.json().nullable(),
      starts_at: model.dateTime().nullable(),
      ends_at: model.dateTime().nullable(),
      multiplier: model.json().nullable(),
      combination: model.enum(["best", "stack"]).default("best"),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_cashback_rule_active",
      on: ["is_active", "currency_code"],
    },
  ])

export default CashbackRule
