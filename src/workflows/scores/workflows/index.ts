export * from "./score-customers"
