export * from "./compute-cart-credit"
export * from "./give-back-order-credit"
export * from "./decide-cart-credit-refresh"
export * from "./prepare-order-wallet-refund"
