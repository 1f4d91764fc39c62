import { model } from "@medusajs/framework/utils"
import Wallet from "./wallet"

/**
 * What one credit put in the wallet and how much of it is left. Debits take
 * from lots soonest-to-expire first; `available_at` in the future means the
 * credit is pending, `expired_at` is set by the expiry run.
 */
const WalletLot = model
  .define(
    { name: "WalletLot", tableName: "loyalty_wallet_lot" },
    {
      id: model.id({ prefix: "lwlot" }).primaryKey(),
      transaction_id: model.text(),
      amount: model.bigNumber(),
      remaining: model.bigNumber(),
      available_at: model.dateTime().nullable(),
      expires_at: model.dateTime().nullable(),
      expired_at: model.dateTime().nullable(),
      /**
       * When credit that waited (a hold or a fulfilment) became spendable and
       * was announced with `loyalty.cashback.released`.
       */
      released_at: model.dateTime().nullable(),
      wallet: model.belongsTo(() => Wallet, { mappedBy: "lots" }),
    }
  )
  .indexes([
    {
      // Balance reads and debits only look at lots with something left.
      name: "IDX_loyalty_wallet_lot_open",
      on: ["wallet_id", "expires_at"],
      where: "remaining > 0",
    },
    {
      name: "IDX_loyalty_wallet_lot_pending",
      on: ["wallet_id", "available_at"],
      where: "remaining > 0 AND available_at IS NOT NULL",
    },
    {
      name: "IDX_loyalty_wallet_lot_due",
      on: ["expires_at"],
      where: "remaining > 0 AND expired_at IS NULL AND expires_at IS NOT NULL",
    },
    {
      // Held credit whose date has come and that was not announced yet.
      name: "IDX_loyalty_wallet_lot_unreleased",
      on: ["available_at"],
      where: "released_at IS NULL AND available_at IS NOT NULL",
    },
    {
      name: "IDX_loyalty_wallet_lot_transaction",
      on: ["transaction_id"],
    },
  ])

export default WalletLot
