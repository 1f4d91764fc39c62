import { model } from "@medusajs/framework/utils"

/**
 * A member's referral code: made the first time it is asked for, then
 * never changed. Six characters without look-alikes, readable aloud.
 */
const ReferralCode = model
  .define(
    { name: "ReferralCode", tableName: "loyalty_referral_code" },
    {
      id: model.id({ prefix: "lrfc" }).primaryKey(),
      customer_id: model.text(),
      code: model.text(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_referral_code_customer", on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_referral_code_code", on: ["code"], unique: true, where: "deleted_at IS NULL" },
  ])

export default ReferralCode
