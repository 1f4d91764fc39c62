export * from "./plan"
export * from "./run-occasions"
export * from "./steps"
export * from "./workflows"
