export * from "./create-cashback-rules"
export * from "./delete-cashback-rules"
export * from "./update-cashback-rule"
