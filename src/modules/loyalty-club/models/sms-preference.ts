import { model } from "@medusajs/framework/utils"

/** A customer's SMS choices: opted out or not, and the language to write in. */
const SmsPreference = model
  .define(
    { name: "SmsPreference", tableName: "loyalty_sms_preference" },
    {
      id: model.id({ prefix: "lsmp" }).primaryKey(),
      customer_id: model.text(),
      opted_out: model.boolean().default(false),
      opted_out_at: model.dateTime().nullable(),
      locale: model.text().nullable(),
      /** Promotions only (campaigns, occasions, win-back): service messages still come. */
      promotions_opted_out: model.boolean().default(false),
      promotions_opted_out_at: model.dateTime().nullable(),
      /** Who last opted the customer out or in: `shopper`, `admin`, `sms_reply`. */
      opt_out_source: model.text().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_sms_preference_customer",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default SmsPreference
