import { model } from "@medusajs/framework/utils"

/**
 * A code used by an order: written when the order is placed, `released_at`
 * set when the order is canceled and the use given back. Keyed by (code,
 * order): a repeated event records one use and gives it back once.
 */
const CodeUse = model
  .define(
    { name: "CodeUse", tableName: "loyalty_code_use" },
    {
      id: model.id({ prefix: "lcuse" }).primaryKey(),
      code_id: model.text(),
      batch_id: model.text(),
      order_id: model.text(),
      customer_id: model.text().nullable(),
      currency_code: model.text(),
      /** The discount the code gave on this order. */
      discount: model.bigNumber().default(0),
      /** The order's total, for the batch's revenue. */
      order_total: model.bigNumber().default(0),
      used_at: model.dateTime(),
      released_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_code_use_code_order", on: ["code_id", "order_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_code_use_order", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_code_use_batch", on: ["batch_id"], where: "deleted_at IS NULL" },
  ])

export default CodeUse
