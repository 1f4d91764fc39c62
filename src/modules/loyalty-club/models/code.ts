import { model } from "@medusajs/framework/utils"

/**
 * One discount code of a batch. Unique over the whole club (and checked
 * against Medusa's promotions before it is handed out). `promotion_id` is
 * set when the code first becomes a Medusa promotion; `customer_id` binds a
 * personal code to its owner; `expires_at` is the code's own end (personal
 * codes), else the batch's.
 */
const Code = model
  .define(
    { name: "Code", tableName: "loyalty_code" },
    {
      id: model.id({ prefix: "lcode" }).primaryKey(),
      batch_id: model.text(),
      code: model.text(),
      promotion_id: model.text().nullable(),
      customer_id: model.text().nullable(),
      expires_at: model.dateTime().nullable(),
      /** What issued it: `bulk`, `admin`, `occasion`, `referral`, `campaign`. */
      source: model.text().default("bulk"),
      source_id: model.text().nullable(),
      disabled_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_code_code", on: ["code"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_code_promotion", on: ["promotion_id"], unique: true, where: "deleted_at IS NULL AND promotion_id IS NOT NULL" },
    { name: "IDX_loyalty_code_batch", on: ["batch_id"], where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_code_customer", on: ["customer_id"], where: "deleted_at IS NULL AND customer_id IS NOT NULL" },
    { name: "IDX_loyalty_code_source", on: ["source", "source_id"], unique: true, where: "deleted_at IS NULL AND source_id IS NOT NULL" },
  ])

export default Code
