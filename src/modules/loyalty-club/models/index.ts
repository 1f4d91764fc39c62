export { default as Wallet } from "./wallet"
export { default as WalletLot } from "./wallet-lot"
export { default as WalletLotAllocation } from "./wallet-lot-allocation"
export { default as WalletTransaction } from "./wallet-transaction"
