import { model } from "@medusajs/framework/utils"

/**
 * A friend naming a member's code, and all that follows from it.
 *
 * status: `joined` (claimed, no order yet), `ordered` (ordered, nothing
 * qualifying yet), `held` (waiting for the shop's review; `held_stage` says
 * whether at the claim or at the order), `pending` (the referrer's credit
 * waits for the hold to end), `rewarded` (spendable), `refused` (a fraud
 * rule or the shop said no), `reversed` (the qualifying order was canceled
 * or returned within the hold, and the rewards were taken back).
 *
 * One friend has one live referral: a unique index on `friend_id` over the
 * rows not refused decides two racing claims.
 */
const Referral = model
  .define(
    { name: "Referral", tableName: "loyalty_referral" },
    {
      id: model.id({ prefix: "lref" }).primaryKey(),
      referrer_id: model.text(),
      friend_id: model.text(),
      /** The code named, as it was then. */
      code: model.text(),
      channel: model.enum(["online", "kiosk", "till"]),
      status: model
        .enum(["joined", "ordered", "held", "pending", "rewarded", "refused", "reversed"])
        .default("joined"),
      /** Why it was refused or held (`self_phone`, `many_from_address`, ...). */
      reasons: model.json().nullable(),
      held_stage: model.enum(["claim", "order"]).nullable(),
      /** The friend's phone (E.164) and e-mail (normalised) when they claimed. */
      friend_phone: model.text().nullable(),
      friend_email: model.text().nullable(),
      /** Where an online claim came from: the client address and the storefront's device id. */
      ip: model.text().nullable(),
      device_id: model.text().nullable(),
      /** The friend's first qualifying order. */
      order_id: model.text().nullable(),
      order_total: model.bigNumber().nullable(),
      currency_code: model.text().nullable(),
      /** The friend's gift: a personal code, or a credit transaction. */
      friend_code_id: model.text().nullable(),
      friend_transaction_id: model.text().nullable(),
      /** The referrer's credit and when it becomes spendable. */
      referrer_transaction_id: model.text().nullable(),
      referrer_amount: model.bigNumber().nullable(),
      available_at: model.dateTime().nullable(),
      rewarded_at: model.dateTime().nullable(),
      reversed_at: model.dateTime().nullable(),
      /** Later orders of the friend that earned the referrer a percentage. */
      bonus_orders: model.number().default(0),
      reviewed_by: model.text().nullable(),
      reviewed_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_referral_friend_live",
      on: ["friend_id"],
      unique: true,
      where: "deleted_at IS NULL AND status <> 'refused'",
    },
    { name: "IDX_loyalty_referral_referrer", on: ["referrer_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_referral_order", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
    { name: "IDX_loyalty_referral_status", on: ["status", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_referral_ip", on: ["ip", "created_at"], where: "deleted_at IS NULL AND ip IS NOT NULL" },
    { name: "IDX_loyalty_referral_device", on: ["device_id", "created_at"], where: "deleted_at IS NULL AND device_id IS NOT NULL" },
    { name: "IDX_loyalty_referral_friend_phone", on: ["friend_phone"], where: "deleted_at IS NULL AND friend_phone IS NOT NULL" },
  ])

export default Referral
