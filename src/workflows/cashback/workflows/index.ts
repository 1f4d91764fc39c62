export * from "./award-order-cashback"
export * from "./reverse-order-cashback"
export * from "./release-order-cashback"
export * from "./preview-cashback"
