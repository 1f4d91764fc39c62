export * from "./award-order-cashback"
