import { model } from "@medusajs/framework/utils"

/**
 * An in-store purchase registered by a till or by staff in the admin. The
 * receipt id is unique: a till that sends the same receipt again gets the
 * first answer. The purchase is a Medusa order on the in-store sales channel
 * (`order_id`), so cashback, tiers and the club card count it like any order.
 */
const PosPurchase = model
  .define(
    { name: "PosPurchase", tableName: "loyalty_pos_purchase" },
    {
      id: model.id({ prefix: "lposp" }).primaryKey(),
      receipt_id: model.text(),
      customer_id: model.text(),
      order_id: model.text().nullable(),
      pos_key_id: model.text().nullable(),
      location: model.text().nullable(),
      amount: model.bigNumber(),
      currency_code: model.text(),
      note: model.text().nullable(),
      voided_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_pos_purchase_receipt", on: ["receipt_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_pos_purchase_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default PosPurchase
