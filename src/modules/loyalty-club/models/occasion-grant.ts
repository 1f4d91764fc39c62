import { model } from "@medusajs/framework/utils"

/**
 * An occasion given to a customer for one period (the occasion's year in its
 * calendar, e.g. "1405" for Nowruz or a Jalali birthday). The unique key
 * (kind, customer, period) makes a second run or a crashed one give nothing
 * twice: the grant row is written first, the gift and the message keyed by it.
 */
const OccasionGrant = model
  .define(
    { name: "OccasionGrant", tableName: "loyalty_occasion_grant" },
    {
      id: model.id({ prefix: "logr" }).primaryKey(),
      kind: model.text(),
      customer_id: model.text(),
      period: model.text(),
      /** The day celebrated (shop date, YYYY-MM-DD Gregorian). */
      occasion_date: model.text(),
      gift_type: model.text().default("none"),
      code_id: model.text().nullable(),
      transaction_id: model.text().nullable(),
      currency_code: model.text().nullable(),
      amount: model.bigNumber().nullable(),
      /** `skipped_recent_change`: a birthday moved within 30 days before itself. */
      outcome: model.text().default("granted"),
    }
  )
  .indexes([
    { name: "IDX_loyalty_occasion_grant_key", on: ["kind", "customer_id", "period"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_occasion_grant_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default OccasionGrant
