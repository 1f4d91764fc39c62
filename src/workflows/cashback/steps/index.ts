export * from "./compute-order-cashback"
export * from "./credit-order-cashback"
export * from "./reverse-order-cashback"
export * from "./release-order-cashback"
