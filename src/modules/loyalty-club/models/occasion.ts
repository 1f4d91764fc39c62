import { model } from "@medusajs/framework/utils"

/**
 * One occasion the club celebrates, on or off, with its gift. The wording
 * is the message template of the occasion's SMS event.
 */
const Occasion = model
  .define(
    { name: "Occasion", tableName: "loyalty_occasion" },
    {
      id: model.id({ prefix: "locc" }).primaryKey(),
      kind: model.enum([
        "birthday",
        "membership_anniversary",
        "first_order_anniversary",
        "nowruz",
        "yalda",
        "win_back",
        "welcome",
      ]),
      enabled: model.boolean().default(false),
      gift_type: model.enum(["none", "code", "credit"]).default("none"),
      /** `code`: the personal batch (template) the code is issued from. */
      batch_id: model.text().nullable(),
      /** `credit`: the amount per currency (e.g. `{ "irr": "500000" }`). */
      credit_amount: model.json().nullable(),
      /** `credit`: days the credit lot stays spendable. */
      credit_valid_days: model.number().nullable(),
      /** Birthday (and anniversaries): days before the day to send. */
      days_before: model.number().default(0),
      /** Win-back: days without an order; welcome: days after the first order. */
      after_days: model.number().nullable(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_occasion_kind", on: ["kind"], unique: true, where: "deleted_at IS NULL" },
  ])

export default Occasion
