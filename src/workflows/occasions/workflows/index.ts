export * from "./birthday"
export * from "./run-occasion"
export * from "./update-occasion"
