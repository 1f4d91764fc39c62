import { model } from "@medusajs/framework/utils"

/**
 * A customer's birthday as they gave it: a calendar and a month and day
 * (no year needed). `changed_at` is when it was last set to a different
 * day: a birthday moved within 30 days before itself earns no gift that
 * year, the usual trick for a second gift.
 */
const Birthday = model
  .define(
    { name: "Birthday", tableName: "loyalty_birthday" },
    {
      id: model.id({ prefix: "lbday" }).primaryKey(),
      customer_id: model.text(),
      calendar: model.enum(["jalali", "gregorian"]),
      month: model.number(),
      day: model.number(),
      /** Who set it last: `customer`, `admin` or `kiosk`. */
      set_by: model.text(),
      changed_at: model.dateTime(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_birthday_customer", on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_birthday_day", on: ["calendar", "month", "day"], where: "deleted_at IS NULL" },
  ])

export default Birthday
