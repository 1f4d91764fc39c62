export * from "./apply-cart-credit"
export * from "./give-back-order-credit"
export * from "./refresh-cart-credit"
export * from "./refund-order-to-wallet"
