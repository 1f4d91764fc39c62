import { model } from "@medusajs/framework/utils"

/**
 * Credit a member sends to a mobile number. The amount leaves the sender's
 * wallet when it is sent (a ledger debit keyed by the transfer) and waits
 * here as a claim: the recipient claims it with a one-time code (becoming a
 * member if new) and gets a credit lot that keeps the earliest expiry of the
 * credit sent; unclaimed by `claim_expires_at`, the debit is reversed back
 * to the sender. `status` moves once, from `pending` to `claimed` or
 * `returned`, by a conditional update: a claim and a return racing settle
 * on one side. A sender's retry with the same `idempotency_key` gets the
 * first transfer back.
 */
const CreditTransfer = model
  .define(
    { name: "CreditTransfer", tableName: "loyalty_credit_transfer" },
    {
      id: model.id({ prefix: "lctr" }).primaryKey(),
      sender_customer_id: model.text(),
      sender_wallet_id: model.text(),
      currency_code: model.text(),
      amount: model.bigNumber(),
      /** E.164. */
      recipient_phone: model.text(),
      recipient_customer_id: model.text().nullable(),
      recipient_wallet_id: model.text().nullable(),
      status: model.enum(["pending", "claimed", "returned"]).default("pending"),
      /** The sender's (or the admin's) key for this transfer. */
      idempotency_key: model.text(),
      /** Who asked: `customer` (store route) or `user` (admin). */
      created_by_type: model.text(),
      created_by_id: model.text().nullable(),
      /** The sender's words to the recipient, shown in the SMS. */
      message: model.text().nullable(),
      claim_expires_at: model.dateTime(),
      /** The earliest expiry of the credit sent; the recipient's lot keeps it. */
      credit_expires_at: model.dateTime().nullable(),
      debit_transaction_id: model.text().nullable(),
      credit_transaction_id: model.text().nullable(),
      return_transaction_id: model.text().nullable(),
      claimed_at: model.dateTime().nullable(),
      returned_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_credit_transfer_sender_key",
      on: ["sender_customer_id", "idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_loyalty_credit_transfer_pending_expiry",
      on: ["claim_expires_at"],
      where: "status = 'pending' AND deleted_at IS NULL",
    },
    { name: "IDX_loyalty_credit_transfer_phone", on: ["recipient_phone", "status"], where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_credit_transfer_sender_created", on: ["sender_customer_id", "created_at"], where: "deleted_at IS NULL" },
  ])

export default CreditTransfer
