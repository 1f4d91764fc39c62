export * from "./compute-order-cashback"
export * from "./credit-order-cashback"
