export * from "./reconcile-checkout-debits"
export * from "./catch-up-loyalty"
