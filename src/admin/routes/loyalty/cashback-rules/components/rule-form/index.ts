export * from "./rule-form"
