import { model } from "@medusajs/framework/utils"
import WalletLot from "./wallet-lot"
import WalletTransaction from "./wallet-transaction"

const Wallet = model
  .define(
    { name: "Wallet", tableName: "loyalty_wallet" },
    {
      id: model.id({ prefix: "lwal" }).primaryKey(),
      customer_id: model.text(),
      currency_code: model.text(),
      status: model.enum(["active", "frozen"]).default("active"),
      // Why and by whom the status last changed (a freeze needs a reason).
      status_reason: model.text().nullable(),
      status_changed_at: model.dateTime().nullable(),
      /** The admin user who last froze or unfroze the wallet. */
      status_changed_by: model.text().nullable(),
      // The sum of the wallet's ledger rows, kept in the same transaction as
      // every write (tests hold it equal to the rows). Reads derive
      // available, pending and expiring amounts from it and the few lots
      // that are pending or near their expiry, not from the whole history.
      balance: model.bigNumber().default(0),
      metadata: model.json().nullable(),
      transactions: model.hasMany(() => WalletTransaction, {
        mappedBy: "wallet",
      }),
      lots: model.hasMany(() => WalletLot, {
        mappedBy: "wallet",
      }),
    }
  )
  .indexes([
    {
      // One wallet per customer and currency; wallets are never deleted, so
      // the index is not partial and INSERT .. ON CONFLICT can target it.
      name: "IDX_loyalty_wallet_customer_currency",
      on: ["customer_id", "currency_code"],
      unique: true,
    },
  ])

export default Wallet
