import { model } from "@medusajs/framework/utils"

/**
 * The shop's loyalty settings: one row, edited in the admin. Missing means
 * the defaults below.
 */
const LoyaltySettings = model.define(
  { name: "LoyaltySettings", tableName: "loyalty_settings" },
  {
    id: model.id({ prefix: "lset" }).primaryKey(),
    /**
     * What a take-back (cancel, return, refund) does when the shopper already
     * spent the cashback: `partial` takes what the wallet has and records the
     * shortfall, `force_negative` takes it all and lets the balance go below
     * zero (later credit pays it off), `skip` takes only what is left of that
     * cashback and lets the spent part go.
     */
    clawback_strategy: model
      .enum(["partial", "force_negative", "skip"])
      .default("partial"),
    /** Count what was paid with wallet credit in the cashback base. */
    include_credit_paid: model.boolean().default(false),
  }
)

export default LoyaltySettings
