// The customer wallet widget's parts: balance, history (paged), the
// credit/debit form, the freeze dialog and the frozen notice.
export { Amount } from "./amount"
export { WalletBalance } from "./balance"
export { WalletChangeForm } from "./change-form"
export { Figure } from "./figure"
export type { ChangeMode } from "./change-form"
export { FreezeDialog } from "./freeze-dialog"
export { FrozenNotice } from "./frozen-notice"
export { WalletLedger } from "./ledger"
export type { LedgerEntry, LedgerPage, Wallet } from "./types"
export { useCustomerWallets, useWalletLedger } from "./use-wallet"
export { WidgetHeader } from "./widget-header"
export { RefundToWalletForm } from "./refund-form"
