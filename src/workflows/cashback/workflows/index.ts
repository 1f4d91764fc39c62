export * from "./award-order-cashback"
export * from "./reverse-order-cashback"
