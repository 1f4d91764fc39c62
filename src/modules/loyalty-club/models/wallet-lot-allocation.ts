import { model } from "@medusajs/framework/utils"

/**
 * Which lots a debit (or an expiry, or a clawback) took from, and how much,
 * so that reversing it restores exactly those lots.
 */
const WalletLotAllocation = model
  .define(
    {
      name: "WalletLotAllocation",
      tableName: "loyalty_wallet_lot_allocation",
    },
    {
      id: model.id({ prefix: "lwalc" }).primaryKey(),
      transaction_id: model.text(),
      lot_id: model.text(),
      amount: model.bigNumber(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_wallet_lot_allocation_transaction",
      on: ["transaction_id"],
    },
  ])

export default WalletLotAllocation
