export * from "./run-automation"
export * from "./save-campaign"
export * from "./send-campaign"
