import { model } from "@medusajs/framework/utils"

/**
 * An in-store purchase registered by a till or by staff in the admin. A
 * receipt id is unique within its location (the till key's location; staff
 * in the admin register under "Admin"): a till that sends the same receipt
 * again gets the first answer, another shop's "0001" is its own purchase. The purchase is a Medusa order on the in-store sales channel
 * (`order_id`), so cashback, tiers and the club card count it like any order.
 */
const PosPurchase = model
  .define(
    { name: "PosPurchase", tableName: "loyalty_pos_purchase" },
    {
      id: model.id({ prefix: "lposp" }).primaryKey(),
      receipt_id: model.text(),
      customer_id: model.text(),
      /** The phone the purchase was registered for (E.164), to tell a repeat from a clash. */
      phone: model.text().nullable(),
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
    {
      name: "IDX_loyalty_pos_purchase_location_receipt",
      on: ["location", "receipt_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_loyalty_pos_purchase_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default PosPurchase
