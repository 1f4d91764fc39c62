export * from "./wallet/events"
export * from "./wallet/steps"
export * from "./wallet/workflows"
