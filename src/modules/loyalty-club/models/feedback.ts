import { model } from "@medusajs/framework/utils"

/**
 * A shopper's answer after a purchase (online order or till purchase, both
 * Medusa orders): one per order; answering again edits it. `channel` and
 * `location` are copied from the order when it is answered, so the admin
 * can filter without joining core's tables. A low rating is put in the
 * admin's notification feed once (`notified_at`) and may get an apology
 * gift (`gift_transaction_id`, the ledger row of the credit).
 */
const Feedback = model
  .define(
    { name: "Feedback", tableName: "loyalty_feedback" },
    {
      id: model.id({ prefix: "lfb" }).primaryKey(),
      order_id: model.text(),
      customer_id: model.text(),
      /** `online` or `till`. */
      channel: model.enum(["online", "till"]),
      /** The till's location for a till purchase. */
      location: model.text().nullable(),
      /** 1 to 5. */
      rating: model.number(),
      comment: model.text().nullable(),
      answered_at: model.dateTime(),
      notified_at: model.dateTime().nullable(),
      gift_transaction_id: model.text().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_feedback_order",
      on: ["order_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_loyalty_feedback_answered", on: ["answered_at"], where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_feedback_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default Feedback
