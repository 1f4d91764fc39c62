import { model } from "@medusajs/framework/utils"

/**
 * A one-time code sent by SMS (kiosk sign-up, a redemption at the till).
 * Only a hash is kept; a code expires, takes a few wrong guesses at most,
 * and is used once. The rows also count requests for rate limits.
 */
const OneTimeCode = model
  .define(
    { name: "OneTimeCode", tableName: "loyalty_one_time_code" },
    {
      id: model.id({ prefix: "lotc" }).primaryKey(),
      phone: model.text(),
      purpose: model.enum(["signup", "redeem"]),
      code_hash: model.text(),
      expires_at: model.dateTime(),
      attempts: model.number().default(0),
      consumed_at: model.dateTime().nullable(),
      ip: model.text().nullable(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_one_time_code_phone", on: ["phone", "purpose", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_one_time_code_ip", on: ["ip", "created_at"], where: "deleted_at IS NULL" },
    // The shop-wide hourly cap on sign-up codes, and the purge of old codes.
    { name: "IDX_loyalty_one_time_code_purpose_created", on: ["purpose", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_one_time_code_created", on: ["created_at"] },
  ])

export default OneTimeCode
