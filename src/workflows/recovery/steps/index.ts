export * from "./return-orphan-checkout-debits"
export * from "./catch-up-orders"
