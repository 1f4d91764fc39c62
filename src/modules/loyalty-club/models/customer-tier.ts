import { model } from "@medusajs/framework/utils"

/**
 * A customer's place in the club: their tier (none yet: null), whether an
 * admin pinned it, and since when the periodic evaluation has found them
 * below it (the grace period runs from there).
 */
const CustomerTier = model
  .define(
    { name: "CustomerTier", tableName: "loyalty_customer_tier" },
    {
      id: model.id({ prefix: "lctr" }).primaryKey(),
      customer_id: model.text(),
      tier_id: model.text().nullable(),
      pinned: model.boolean().default(false),
      pin_note: model.text().nullable(),
      /** When the current tier was reached (or pinned). */
      achieved_at: model.dateTime().nullable(),
      below_since: model.dateTime().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_customer_tier_customer_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_loyalty_customer_tier_tier",
      on: ["tier_id"],
      where: "deleted_at IS NULL",
    },
  ])

export default CustomerTier
