import { model } from "@medusajs/framework/utils"

/**
 * Who a phone belongs to in the club: one member per normalised (E.164)
 * phone. The till, the kiosk and redemptions find members here, never by
 * `customer.phone`, which any shopper can set to any number on their
 * account. A row is written only when the phone's owner proved it with a
 * one-time code (`code`), or when a till or staff registered a purchase for
 * a phone that had no member yet, which makes a new customer (`pos`,
 * `admin`); `import` marks customers the plugin itself had made for a phone
 * before this table existed.
 */
const MemberPhone = model
  .define(
    { name: "MemberPhone", tableName: "loyalty_member_phone" },
    {
      id: model.id({ prefix: "lmph" }).primaryKey(),
      phone: model.text(),
      customer_id: model.text(),
      source: model.enum(["code", "pos", "admin", "import"]),
      /** When the phone's owner last proved it with a one-time code. */
      verified_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_member_phone_phone", on: ["phone"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_member_phone_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default MemberPhone
