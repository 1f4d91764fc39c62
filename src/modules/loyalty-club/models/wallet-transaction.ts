import { model } from "@medusajs/framework/utils"
import Wallet from "./wallet"

/**
 * One row of the append-only ledger. `amount` is signed: credits and positive
 * adjustments add, debits and expiries subtract, a reversal carries the
 * opposite sign of the row it reverses. Rows are never updated or deleted.
 */
const WalletTransaction = model
  .define(
    { name: "WalletTransaction", tableName: "loyalty_wallet_transaction" },
    {
      id: model.id({ prefix: "lwtx" }).primaryKey(),
      type: model.enum(["credit", "debit", "expiry", "reversal", "adjustment"]),
      amount: model.bigNumber(),
      reference: model.text(),
      reference_id: model.text(),
      note: model.text().nullable(),
      actor_type: model.text().nullable(),
      actor_id: model.text().nullable(),
      reverses_id: model.text().nullable(),
      metadata: model.json().nullable(),
      wallet: model.belongsTo(() => Wallet, { mappedBy: "transactions" }),
    }
  )
  .indexes([
    {
      // Exactly once: the same cause (an order, a cart, an admin request) can
      // credit or debit a wallet only once per type.
      name: "IDX_loyalty_wallet_transaction_idempotency",
      on: ["wallet_id", "type", "reference", "reference_id"],
      unique: true,
    },
    {
      name: "IDX_loyalty_wallet_transaction_wallet_created",
      on: ["wallet_id", "created_at"],
    },
    {
      name: "IDX_loyalty_wallet_transaction_reference",
      on: ["reference", "reference_id"],
    },
    {
      // A take-back sums what earlier take-backs of the same credit claimed.
      name: "IDX_loyalty_wallet_transaction_reverses",
      on: ["reverses_id"],
      where: "reverses_id IS NOT NULL",
    },
    {
      // The reconciliation looks every minute for checkout debits of a given
      // age; only those rows, by age.
      name: "IDX_loyalty_wallet_transaction_checkout_debit_created",
      on: ["created_at"],
      where: "reference = 'cart' AND type = 'debit' AND deleted_at IS NULL",
    },
  ])

export default WalletTransaction
