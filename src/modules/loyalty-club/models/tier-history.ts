import { model } from "@medusajs/framework/utils"

/**
 * Every change of a customer's tier, append-only: from, to, why, when. The
 * cashback of an order reads the tier the customer had when it was placed
 * from here.
 */
const TierHistory = model
  .define(
    { name: "TierHistory", tableName: "loyalty_tier_history" },
    {
      id: model.id({ prefix: "lthis" }).primaryKey(),
      customer_id: model.text(),
      from_tier_id: model.text().nullable(),
      to_tier_id: model.text().nullable(),
      reason: model.enum(["order", "evaluation", "pin", "unpin", "tier_deleted"]),
      order_id: model.text().nullable(),
      note: model.text().nullable(),
      actor_id: model.text().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_tier_history_customer",
      on: ["customer_id", "created_at"],
      where: "deleted_at IS NULL",
    },
  ])

export default TierHistory
