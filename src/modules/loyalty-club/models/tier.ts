import { model } from "@medusajs/framework/utils"

/**
 * A level of the club (silver, gold, platinum). A customer reaches it by
 * their orders in the tier's window: spend in the tier's currency and/or a
 * number of orders; both must be met when both are set. Higher rank, higher
 * tier. The benefits are read by the cashback rules that opt in.
 */
const Tier = model
  .define(
    { name: "Tier", tableName: "loyalty_tier" },
    {
      id: model.id({ prefix: "ltier" }).primaryKey(),
      /** The shop's own name for the tier (admin, reports). */
      name: model.text(),
      /**
       * The name shoppers read, per language (`{ fa?, en? }`): SMS, store API,
       * till. A language missing here falls back to `name`.
       */
      names: model.json().nullable(),
      description: model.text().nullable(),
      rank: model.number(),
      currency_code: model.text(),
      min_spend: model.bigNumber().nullable(),
      min_orders: model.number().nullable(),
      /**
       * `rolling`: the last `window_days` days; `calendar_year`: since 1 January
       * (UTC); `jalali_year`: since Nowruz (1 Farvardin, 00:00 in the shop's
       * time zone).
       */
      qualification_window: model
        .enum(["rolling", "calendar_year", "jalali_year", "lifetime"])
        .default("lifetime"),
      window_days: model.number().nullable(),
      /** Percent paid by rules with `use_tier_rate` instead of their own value. */
      cashback_rate: model.bigNumber().nullable(),
      /** Multiplies the cashback of rules with `use_tier_multiplier`. */
      cashback_multiplier: model.bigNumber().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_tier_rank_unique",
      on: ["rank"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default Tier
